# iter: reversed() on lists/tuples/strings/ranges/dicts, errors for non-sequences; sorted() on all iterables
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), "".join(reversed("abc")), list(reversed(range(0, 10, 3))), list(reversed({"a": 1, "b": 2})))
print(list(reversed({"a": 1}.items())), list(reversed([])), list(reversed(b"ab")), list(reversed(bytearray(b"xy"))))
for bad in [{1, 2}, iter([1]), 5, None, map(abs, [1])]:
    try:
        reversed(bad)
    except TypeError as e:
        print("TypeError:", e)
r = reversed([1, 2, 3])
print(next(r), list(r), list(r), type(reversed([])).__name__, type(reversed(range(3))).__name__)
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted({5, 1, 3}), sorted(range(3, 0, -1)), sorted(iter([2, 1])), sorted(b"cab"))
print(sorted(["b", "C", "a"], key=str.lower, reverse=True), sorted([]), sorted([[2], [1, 5], [1]]))
try:
    sorted()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted(5)
except TypeError as e:
    print("TypeError:", e)
