# Generator expressions.
print(sum(x * x for x in range(10)))
print(list(x for x in "abc"))
print(max((len(w), w) for w in ["a", "bbb", "cc"]))
g = (i * 2 for i in range(3))
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), list(g), list(g))
print(list((a, b) for a in range(3) for b in range(a)))
print(list(x for x in range(20) if x % 3 == 0 if x % 2 == 0))
nested = ((j for j in range(i)) for i in range(4))
print([list(n) for n in nested])
print(any(x > 3 for x in range(5)), all(x > 3 for x in range(5)))
print(sorted(x % 3 for x in range(10)))
print(tuple(c.upper() for c in "hey"))
print(dict((k, k * k) for k in range(4)))
print("-".join(str(x) for x in range(5)))


def f(n):
    return list(i + n for i in range(3))


print(f(10))
k = 100
print(list(x + k for x in range(3)))
# The first iterable is evaluated immediately, the rest lazily.
try:
    g = (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
g = (x for x in [1, 2] for y in 5)
try:
    next(g)
except TypeError as e:
    print("TypeError:", e)
# Errors inside the expression propagate on next().
g = (1 // x for x in [1, 0, 2])
print(next(g))
try:
    next(g)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(list(g))
# Sending into a genexp.
g = (x for x in range(3))
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None), next(g))
it = iter([1, 2, 3])
g = (x * 10 for x in it)
print(next(g), next(it), next(g))
