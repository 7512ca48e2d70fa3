# set: set comprehensions and iteration order of small non-negative int sets (dedupe, filters, nesting)
print({x % 5 for x in range(20)}, sorted({x * x for x in range(-3, 4)}), {c for c in "abcabc"} == {"a", "b", "c"})
print({(x, y) for x in range(2) for y in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)}, {x for x in []})
print(sorted({len(w) for w in "the quick brown fox jumps".split()}))
s = {9, 7, 5, 3, 1, 8, 6, 4, 2, 0}
print(s, list(s))
t = set()
for i in [30, 10, 20, 0, 5]:
    t.add(i)
print(t, sorted(t))
u = {i for i in range(50) if i % 7 == 0}
print(sorted(u), len(u))
evens = {x for x in range(10) if not x % 2}
odds = set(range(10)) - evens
print(evens, odds, evens | odds == set(range(10)))
primes = set(range(2, 50))
for p in range(2, 8):
    primes -= set(range(p * p, 50, p))
print(sorted(primes))
