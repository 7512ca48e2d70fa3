# set: creation forms, len, membership, dedupe of equal numbers, repr of small-int sets, set() vs {}
s = {3, 1, 2, 3, 1}
print(s, len(s), 1 in s, 4 in s, 4 not in s, type(s).__name__, type({}).__name__, set(), len(set()))
print(set([5, 5, 6]), set(range(8)), set("aab") == {"a", "b"}, sorted(set("hello")), set((1, 2)), set({4: "x", 2: "y"}))
print({1, 1.0, True}, len({0, 0.0, False, -0.0}), {2**64, 2.0**64} == {2**64}, sorted({-3, -1, -2}))
e = {1, 2}
e.add(3)
e.add(2)
print(e, sorted(e), min(e), max(e), sum(e))
print(bool(set()), bool({0}), set() == set(), {1} == {1.0}, {1, 2} == {2, 1}, {1} != {2})
for x in {0, 1, 2, 3}:
    print(x, end=" ")
print()
print(list({7, 3, 5}), tuple({9, 8}), sorted({10, 2, 33}), [x * 2 for x in {1, 2, 3}])
try:
    {[1]}
except TypeError as err:
    print("TypeError:", err)
try:
    set(5)
except TypeError as err:
    print("TypeError:", err)
try:
    s[0]
except TypeError as err:
    print("TypeError:", err)
print(s.__len__(), s.__contains__(2), 2 in {2.0}, "2" in {2})
