# None: identity, repr, comparisons, falsiness, the errors from using None in operations
n = None
print(n, repr(n), str(n), n is None, n == None, n != None, type(n).__name__, bool(n))
print(None is None, [None] * 3, (None,), {None: None}, None in [0, None], [0, False, None].index(None))
def f():
    pass
def g():
    return
print(f(), g(), f() is None, print("inner") is None)
d = {}
print(d.get("x"), d.setdefault("k"), d, [].sort(), [3, 1].reverse())
for op in [lambda: n + 1, lambda: 1 - n, lambda: n < 0, lambda: n(), lambda: n[0], lambda: len(n),
           lambda: n.foo, lambda: iter(n), lambda: -n, lambda: n * 2, lambda: int(n), lambda: n >= n,
           lambda: [x for x in n], lambda: n["k"]]:
    try:
        op()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
print(None.__eq__(None), None.__ne__(0), None.__bool__(), None.__repr__(), None.__class__.__name__)
x = None
x = x or "default"
print(x)
y = None if 0 else "set"
print(y, None == 0, None == False, None == "", None != [])
print(type(None)() is None, sorted([1, 2], key=lambda v: -v))
try:
    sorted([None, 1])
except TypeError as e:
    print("TypeError:", e)
print(hash(None) == hash(None))
