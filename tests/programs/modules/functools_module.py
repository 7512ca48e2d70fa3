# functools: the module over _functools (partial, reduce, cmp_to_key) and its pure-Python parts (lru_cache, wraps, total_ordering, cached_property)
import functools

print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.partial(int, base=16)("ff"))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)), type(functools.partial(print)).__module__)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a) + 1
    return inner
@deco
def g(x):
    "doc of g"
    return x
print(g(1), g.__name__, g.__doc__, g.__wrapped__(1))

@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(2))

class C:
    @functools.cached_property
    def x(self):
        print("computing")
        return 42
c = C()
print(c.x, c.x)
