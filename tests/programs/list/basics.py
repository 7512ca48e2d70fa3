# list: creation, indexing, item assignment, len, membership, iteration, list() constructor, repr
a = [1, "two", 3.0, None, [5, 6]]
print(a, len(a), a[0], a[-1], a[-1][1], a[1:3], 3.0 in a, 3 in a, [5, 6] in a, "x" not in a)
a[0] = "one"
a[-1][0] = 50
print(a)
print([], [[]], [[], []], list(), list("abc"), list(range(4)), list((1, 2)), list({"a": 1, "b": 2}), list(b"AB"))
for x in a:
    print(type(x).__name__, end=" ")
print()
b = [0] * 5
for i in range(len(b)):
    b[i] = i * i
print(b, sum(b), max(b), min(b), sorted(b, reverse=True))
print(list(list(range(3))), list([x for x in "hey"]), [*range(3), *"ab"], [1, *[2, 3], 4])
c = a
c.append("shared")
print(a is c, a == c, len(a))
print(a.__len__(), a.__getitem__(0), a.__contains__(None), type(a).__name__, isinstance(a, list))
try:
    a[10]
except IndexError as e:
    print("IndexError:", e)
try:
    a[10] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    a["0"]
except TypeError as e:
    print("TypeError:", e)
try:
    list(5)
except TypeError as e:
    print("TypeError:", e)
print(bool([]), bool([0]), [] == [], [] is not [])
