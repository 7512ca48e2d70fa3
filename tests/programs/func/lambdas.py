# func: lambdas: defaults, *args/**kw, closures, immediate calls, in sort keys, returning tuples, __name__
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2), (lambda a, b=10: a + b)(1))
print(sq.__name__, (lambda: 0).__name__, sq.__qualname__)
add = lambda a: lambda b: a + b
print(add(3)(4), add("x")("y"))
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[0]), list(map(lambda p: p[0] * 2, pairs)))
fns = {"inc": lambda v: v + 1, "neg": lambda v: -v, "sqr": lambda v: v ** 2}
print({k: f(5) for k, f in fns.items()})
compose = lambda f, g: lambda x: f(g(x))
print(compose(fns["inc"], fns["sqr"])(3), compose(fns["sqr"], fns["inc"])(3))
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3), (lambda: (yield_ := 5))())
cond = lambda n: "even" if n % 2 == 0 else "odd"
print([cond(n) for n in range(4)])
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), fact(25))
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])), (lambda: None)() is None)
try:
    (lambda x: x)()
except TypeError as e:
    print("TypeError:", e)
nested = (lambda a: (lambda b: (lambda c: a + b + c)))
print(nested(1)(2)(3), type(sq).__name__, callable(sq))
