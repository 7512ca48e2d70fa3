# func: more binding errors: multiple values, positional-only as keyword, missing keyword-only, counts with defaults
def f(a, b, /, c, d=4, *, e, f=6):
    return a, b, c, d, e, f
def g(a, b=2, c=3):
    return a, b, c
def h(x, *args, y, **kw):
    return x, args, y, kw
cases = [
    ("f(1, 2, 3, e=5)", lambda: f(1, 2, 3, e=5)),
    ("f(1, 2, 3)", lambda: f(1, 2, 3)),
    ("f(1, 2)", lambda: f(1, 2)),
    ("f(1)", lambda: f(1)),
    ("f()", lambda: f()),
    ("f(1, 2, 3, 4, 5, e=1)", lambda: f(1, 2, 3, 4, 5, e=1)),
    ("f(1, 2, 3, 4, 5, 6, 7)", lambda: f(1, 2, 3, 4, 5, 6, 7)),
    ("f(1, b=2, c=3, e=5)", lambda: f(1, b=2, c=3, e=5)),
    ("f(a=1, b=2, c=3, e=5)", lambda: f(a=1, b=2, c=3, e=5)),
    ("f(1, 2, 3, c=3, e=5)", lambda: f(1, 2, 3, c=3, e=5)),
    ("f(1, 2, 3, e=5, g=7)", lambda: f(1, 2, 3, e=5, g=7)),
    ("g(1, 2, 3, 4)", lambda: g(1, 2, 3, 4)),
    ("g(1, a=2)", lambda: g(1, a=2)),
    ("g(b=2)", lambda: g(b=2)),
    ("g(1, c=3, b=2)", lambda: g(1, c=3, b=2)),
    ("h(1, 2, 3)", lambda: h(1, 2, 3)),
    ("h(1, y=2, x=3)", lambda: h(1, y=2, x=3)),
    ("h(y=1)", lambda: h(y=1)),
    ("h(1, 2, y=3, z=4)", lambda: h(1, 2, y=3, z=4)),
]
for label, fn in cases:
    try:
        print(label, "=", fn())
    except TypeError as e:
        print(label, "-> TypeError:", e)
def nested():
    def inner(q):
        return q
    return inner
try:
    nested()()
except TypeError as e:
    print("TypeError:", e)
try:
    nested()(1, 2)
except TypeError as e:
    print("TypeError:", e)
