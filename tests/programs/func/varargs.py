# func: *args and **kwargs collection, forwarding with * and **, empty cases, ordering of kwargs
def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1), f(1, 2, x=3), f(*[1, 2], *(3,), **{"a": 1}, b=2, **{"c": 3}))
print(type(f()[0]).__name__, type(f()[1]).__name__)
def g(a, b=0, *rest, key=None, **opts):
    return a, b, rest, key, opts
print(g(1), g(1, 2, 3, 4), g(1, key="k", z=26, y=25), g(*range(5), **{"key": 0, "q": 1}))
def forward(*a, **k):
    return g(*a, **k)
print(forward(9, 8, 7, key="fw"))
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1), total(*range(101)), total(*[0.5] * 4))
def kw_order(**kw):
    return list(kw)
print(kw_order(z=1, a=2, m=3), kw_order(**{"b": 1}, a=2))
args = (1, 2)
kwargs = {"key": "v"}
print(g(*args, **kwargs), g(0, *args), args, kwargs)
def mutate(*a, **k):
    k["added"] = True
    return a
d = {"x": 1}
mutate(**d)
print(d)
print(f(*"ab", *b"c"), f(**dict(zip("pq", range(2)))), f(*{"k": 1}), f(*range(3), 3))
