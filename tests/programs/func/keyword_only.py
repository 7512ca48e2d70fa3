# func: keyword-only parameters (after * or *args), with and without defaults, and their error messages
def f(a, *, b, c=3):
    return a, b, c
print(f(1, b=2), f(a=1, b=2, c=4), f(1, c=0, b=9))
def g(*args, sep="-", end="!"):
    return sep.join(map(str, args)) + end
print(g(1, 2, 3), g(1, sep="+"), g(end="?"), g())
tests = [lambda: f(1, 2), lambda: f(1), lambda: f(1, 2, b=3), lambda: f(b=2), lambda: f(1, b=2, d=4), lambda: f(1, 2, 3, b=0)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
def h(*, only):
    return only
print(h(only=5))
for t in [lambda: h(), lambda: h(5), lambda: h(only=1, other=2)]:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
def many(*, x, y, z):
    return x + y + z
try:
    many()
except TypeError as e:
    print("TypeError:", e)
try:
    many(y=1)
except TypeError as e:
    print("TypeError:", e)
print(many(z=1, y=2, x=3), many(**{"x": 1, "y": 1, "z": 1}), f.__kwdefaults__, h.__kwdefaults__)
