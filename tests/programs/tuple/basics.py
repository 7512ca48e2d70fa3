# tuple: creation (incl. singleton/empty), indexing, slicing, len, +, *, count, index, membership
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[0], t[-1], t[-1][0], t[1:3], t[::-1], t[::2], t[10:], t[-100:1])
e = ()
s = (42,)
n = 42,
print(e, s, n, len(e), len(s), (1), type((1)).__name__, type((1,)).__name__, s == n)
print(t + (7,), (1, 2) * 3, 0 * (1,), (1,) * -1, () + (), t.count(None), (1, 1, 2, 1).count(1), t.index(3.0), (1, 2, 1).index(1, 1))
print(3.0 in t, 3 in t, "two" not in t, (5, 6) in t, [5, 6] in t)
x = 1, 2, 3
a, b, c = x
print(a, b, c, x)
a, b = b, a
print(a, b)
print(tuple(), tuple([1, 2]), tuple("abc"), tuple(range(3)), tuple({"k": 1, "j": 2}), tuple([i * i for i in range(4)]))
print(tuple(t) == t, list(t), sorted((3, 1, 2)), max((1, 5, 2)), sum((1, 2, 3)))
for args in [(99,), (1, 0, 1)]:
    try:
        (1, 2, 3).index(*args)
    except ValueError as err:
        print("ValueError:", err)
try:
    t[5]
except IndexError as err:
    print("IndexError:", err)
try:
    t[0] = 5
except TypeError as err:
    print("TypeError:", err)
try:
    del t[0]
except TypeError as err:
    print("TypeError:", err)
try:
    t.append(1)
except AttributeError as err:
    print("AttributeError:", err)
try:
    (1,) + [2]
except TypeError as err:
    print("TypeError:", err)
print(t.__len__(), t.__getitem__(1), t.__contains__(None), (1, 2).__add__((3,)), type(t).__name__)
