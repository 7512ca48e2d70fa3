# iter: enumerate (start, negative/big start) and zip (uneven lengths, zero/one args, strict=True errors)
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", -5)), list(enumerate([], 3)), list(enumerate("x", 2**70)))
for i, (a, b) in enumerate(zip("xyz", [10, 20, 30]), start=100):
    print(i, a, b)
print(list(zip()), list(zip([1, 2])), list(zip([1, 2, 3], "ab")), list(zip("abc", range(10), [None] * 2)), list(zip([], [1])))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])), dict(zip("kv", [1, 2])))
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([], [1])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
z = zip([1, 2, 3], "ab", strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
e = enumerate("ab")
print(next(e), next(e), next(e, "done"), type(e).__name__, type(zip()).__name__)
for bad in [lambda: enumerate(5), lambda: zip(1), lambda: enumerate("a", "1"), lambda: zip([1], strict=1, foo=2)]:
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [sum(p) for p in zip(*matrix)])
