# func: default argument values: evaluated once at def time, mutable default sharing, None sentinel idiom
counter = 10
def f(a, b=counter, c=[]):
    c.append(a)
    return a, b, c
counter = 99
print(f(1), f(2), f(3, 4, []), f(5))
def g(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(g(1), g(2), g(3, [0]))
def h(a, b=2, *, c=3, d):
    return a, b, c, d
print(h(1, d=4), h(1, 5, d=6, c=7), h(d=0, a=-1))
print(f.__defaults__[0], len(f.__defaults__[1]), h.__defaults__, h.__kwdefaults__)
def k(x, y={}):
    y[x] = len(y)
    return y
k("a")
k("b")
print(k("c"), k.__defaults__)
def expr_default(v=[i * i for i in range(4)], w=len("abc") + 1, z=(lambda: "lam")()):
    return v, w, z
print(expr_default())
def late():
    return late_value
late_value = "looked up at call time"
print(late())
def counter_fn(step=1, state={"n": 0}):
    state["n"] += step
    return state["n"]
print(counter_fn(), counter_fn(), counter_fn(10), counter_fn.__defaults__)
f.__defaults__ = (100, ["fresh"])
print(f(7))
