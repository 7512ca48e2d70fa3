# func: function decorators: simple wrappers, decorators with arguments, stacking order, registry pattern
log = []
def trace(fn):
    def wrapper(*a, **k):
        log.append("call " + fn.__name__)
        r = fn(*a, **k)
        log.append("ret " + repr(r))
        return r
    wrapper.__name__ = fn.__name__
    wrapper.wrapped = fn
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3), add("x", b="y"), log, add.__name__, add.wrapped(1, 1))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
order = []
def tag(label):
    def deco(fn):
        order.append("decorating " + label)
        def w():
            return label + "(" + fn() + ")"
        return w
    return deco
@tag("outer")
@tag("inner")
def base():
    return "base"
print(base(), order)
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
@register
def one():
    return 1
@register
def two():
    return 2
print(sorted(registry), registry["two"](), one is registry["one"])
def memoize(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def count_calls(fn):
    def w(*a):
        w.calls += 1
        return fn(*a)
    w.calls = 0
    return w
@count_calls
def noop():
    pass
for _ in range(4):
    noop()
print(noop.calls)
