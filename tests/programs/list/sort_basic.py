# list: sort() and sorted() on ints, floats, strings, tuples; reverse=True; return value None; type errors
a = [5, 2, 9, 1, 5, 6, -3, 0]
r = a.sort()
print(r, a)
a.sort(reverse=True)
print(a)
print(sorted([3.5, -1, 2, 0.5, True]), sorted(["b", "A", "a", "B", ""]), sorted([(2, "a"), (1, "z"), (2, "A")]))
print(sorted([]), sorted([1]), sorted("hello"), sorted(range(5, 0, -1)), sorted({3: 1, 1: 2}), sorted((9, 8)))
print(sorted([[2, 1], [1, 2], [1], []]), sorted([-2**70, 2**70, 0, -1]))
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([None, None])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], True)
except TypeError as e:
    print("TypeError:", e)
try:
    [3, 1].sort(key=None, foo=1)
except TypeError as e:
    print("TypeError:", e)
b = list(range(100, 0, -7))
c = sorted(b)
print(b[:5], c[:5], b is not c)
scrambled = [x * 37 % 101 for x in range(50)]
scrambled.sort()
print(scrambled[:10], scrambled == sorted(scrambled))
print(sorted([1, 2, 3], reverse=False), sorted(["x"], reverse=True))
