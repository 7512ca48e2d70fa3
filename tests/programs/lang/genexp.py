# lang (phase 3): generator expressions: laziness, single pass, any/all short-circuit, scoping of the first iterable
log = []
def t(v):
    log.append(v)
    return v
g = (t(x) * 2 for x in range(5))
print(type(g).__name__, log)
print(next(g), log)
print(list(g), list(g), log)
log.clear()
print(any(t(x) > 1 for x in range(10)), log)
log.clear()
print(all(t(x) < 2 for x in range(10)), log)
print(sum(x * x for x in range(10)), max(len(w) for w in ["a", "abc"]), "".join(c.upper() for c in "abc"), tuple(i for i in "xy"))
n = 3
gen = (i for i in range(n))
n = 10
print(list(gen))
try:
    bad = (1 / x for x in [1, 0])
    print(next(bad))
    next(bad)
except ZeroDivisionError as e:
    print("lazy error:", e)
try:
    (x for x in 5)
except TypeError as e:
    print("eager first iterable:", e)
print(sorted((x % 3, x) for x in range(7)), dict((k, v) for k, v in zip("ab", (1, 2))), set(x % 2 for x in range(5)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
