# _weakref.proxy: attribute and operator forwarding, callable proxies, sharing, and
# ReferenceError once the referent is gone.
from _weakref import proxy, ref, ProxyType, CallableProxyType, getweakrefcount, getweakrefs


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)

    def __repr__(self):
        return "Vec%r" % (tuple(self.xs),)

    def __str__(self):
        return "<vec of %d>" % len(self.xs)

    def __len__(self):
        return len(self.xs)

    def __getitem__(self, i):
        return self.xs[i]

    def __setitem__(self, i, v):
        self.xs[i] = v

    def __delitem__(self, i):
        del self.xs[i]

    def __contains__(self, x):
        return x in self.xs

    def __iter__(self):
        return iter(self.xs)

    def __add__(self, other):
        if isinstance(other, Vec):
            other = other.xs
        return Vec(*(a + b for a, b in zip(self.xs, other)))

    def __radd__(self, other):
        return "radd %r" % (other,)

    def __iadd__(self, other):
        self.xs.append(other)
        return self

    def __mul__(self, k):
        return Vec(*(a * k for a in self.xs))

    def __neg__(self):
        return Vec(*(-a for a in self.xs))

    def __abs__(self):
        return sum(abs(a) for a in self.xs)

    def __index__(self):
        return len(self.xs)

    def __eq__(self, other):
        return isinstance(other, Vec) and self.xs == other.xs

    def __lt__(self, other):
        return self.xs < other.xs

    def __bool__(self):
        return bool(self.xs)

    def __hash__(self):
        return 1

    def norm(self):
        return sum(a * a for a in self.xs)


v = Vec(1, 2, 3)
p = proxy(v)
print(type(p).__name__, type(p) is ProxyType, proxy(v) is p, getweakrefcount(v))
print(p.xs, p.norm(), len(p), p[0], p[-1], 2 in p, 9 in p, list(p), str(p), bool(p))
p.extra = "set through proxy"
print(v.extra)
del p.extra
print(hasattr(v, "extra"))
p[0] = 10
del p[1]
print(v, p + [1, 1], p * 2, -p, abs(p), p == Vec(10, 3), p == v, p < Vec(11))
print(v + p, [0, 1, 2][p], p.__class__.__name__, isinstance(p, Vec))
q = p
q += 7
print(v, q is v)
del q
show("hash", lambda: hash(p))
show("call", lambda: p())
show("missing attr", lambda: p.nope)

r = ref(v)
print(getweakrefs(v)[0] is r, getweakrefs(v)[1] is p, getweakrefcount(v))
pc = proxy(v, lambda w: None)
print(pc is p, getweakrefcount(v))
del v
print(r(), getweakrefcount(r))
show("dead attr", lambda: p.xs)
show("dead len", lambda: len(p))
show("dead bool", lambda: bool(p))
show("dead str", lambda: str(p))
show("dead add", lambda: p + 1)
show("dead setattr", lambda: setattr(p, "a", 1))
show("dead item", lambda: p[0])
show("dead iter", lambda: iter(p))
show("dead eq", lambda: p == 1)


# callable proxies
def add(a, b=10):
    return a + b


fp = proxy(add)
print(type(fp).__name__, type(fp) is CallableProxyType, fp(1), fp(1, b=2), fp.__name__)
del add
show("dead call", lambda: fp(1))


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n


c = Counter()
cp = proxy(c)
print(type(cp).__name__, cp(), cp(), c.n, next(cp), list(iter(cp)))
s = {1, 2, 3}
sp = proxy(s)
print(type(sp).__name__, len(sp), 2 in sp, sorted(sp | {4}), sorted(sp & {2, 3, 9}))
show("next on non-iterator", lambda: next(sp))
show("proxy of int", lambda: proxy(1))
show("proxy no args", lambda: proxy())
show("proxy 3 args", lambda: proxy(s, None, 1))
print(ProxyType.__name__, CallableProxyType.__name__, ProxyType.__module__)
