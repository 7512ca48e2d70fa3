# func: iterable unpacking: starred targets, nested targets, * and ** in calls and displays, error messages
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(6)
(h, i), *j = [(1, 2), 3, 4]
print(a, b, c, d, e, f, g, h, i, j)
[k, [l, *m]] = [0, "abc"]
print(k, l, m)
print([*"ab", *range(2), *{"k": 1}], (*[1], *(2,)), {*[1, 2], *{3}}, {**{"a": 1}, "b": 2, **{"a": 3}})
print(*[1, 2, 3], sep="|")
print(*"abc", *[1, 2], sep="-", end=".\n")
def f3(x, y, z):
    return x * 100 + y * 10 + z
print(f3(*[1, 2, 3]), f3(1, *(2, 3)), f3(*[1], **{"z": 3, "y": 2}), f3(**dict(x=9, y=8, z=7)))
for x, (y, z) in [(1, (2, 3)), (4, (5, 6))]:
    print(x + y + z, end=" ")
print()
for first, *others in ["abc", "d", ""[:0] or "ef"]:
    print(first, others)
try:
    a, b = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b = 1, 2, 3
except ValueError as err:
    print("ValueError:", err)
try:
    a, *b, c = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b = None
except TypeError as err:
    print("TypeError:", err)
try:
    a, b = {"k": 1, "j": 2, "i": 3}
except ValueError as err:
    print("ValueError:", err)
try:
    print(*5)
except TypeError as err:
    print("TypeError:", err)
try:
    print(**{"sep": "-"}, **{"sep": "+"})
except TypeError as err:
    print("TypeError:", err)
x, y = {"k": 1, "j": 2}
print(x, y)
p, q = "pq"
print(p, q)
