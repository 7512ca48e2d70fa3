# func: list/set/dict comprehensions: nested loops, multiple conditions, nested comprehensions, conditional values
print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
print([(x, y) for x in range(3) if x for y in "ab" if y != "b" or x == 2])
print([[r * 3 + c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for i in range(3) for row in matrix], [[row[i] for row in matrix] for i in range(3)])
print([x if x % 2 else -x for x in range(6)], [x for x in range(20) if x % 2 if x % 3])
print({x % 4 for x in range(10)}, {w: len(w) for w in ["aa", "b", "ccc"]}, {(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
words = "the quick brown fox jumps over the lazy dog".split()
print({w[0]: w for w in words}, sorted({len(w) for w in words}))
print([c for w in words for c in w if c in "aeiou"][:10])
print([[y for y in range(x)] for x in range(4)], [i for i in [j for j in range(5)] if i > 2])
flat = [n for sub in [[1, 2], [], [3], [4, 5, 6]] for n in sub]
print(flat, [sum(sub) for sub in [[1, 2], [], [3]]])
print([f(3) for f in [lambda v: v + 1, lambda v: v * 2]], [len(s) for s in ("", "a", "ab")])
print({k: v for k, v in zip("abc", range(3)) if v}, dict([(i, i ** 2) for i in range(4)]))
print([(i, c) for i, c in enumerate("xyz")], [a + b for a, b in zip([1, 2], [10, 20])])
print([x for x in range(3)] == list(range(3)), [] == [x for x in []], [None for _ in range(2)])
