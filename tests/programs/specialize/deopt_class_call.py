# Class instantiation specialized to allocate and run a Python __init__ as a frame
# (CALL_ALLOC_AND_ENTER_INIT), driven through its deopt paths.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q(P):
    pass


def make(n):
    s = 0
    for i in range(n):
        p = P(i, i + 1)
        q = Q(i, 2)
        s += p.x + p.y + q.y
    return s


print("plain", make(200))

# __init__ replaced on the class (the version changes), then with an arity that no longer fits.
P.__init__ = lambda self, x, y: setattr(self, "x", -x) or setattr(self, "y", 0)
print("lambda init", make(50))


def init_defaults(self, a, b, c=5):
    self.x = a
    self.y = c


P.__init__ = init_defaults
print("defaults", make(50))

# A __new__ added after specialization.
class N:
    def __init__(self, v):
        self.v = v


def make_n(k):
    return sum(N(i).v for i in range(k))


print("before new", make_n(100))


def n_new(cls, v):
    o = object.__new__(cls)
    o.made_by_new = True
    return o


N.__new__ = n_new
print("after new", make_n(10), N(1).made_by_new)

# __init__ returning a value, raising, and being a generator.
class R:
    def __init__(self, bad):
        if bad:
            return 5


for i in range(60):
    R(False)
try:
    R(True)
except TypeError as e:
    print(type(e).__name__, e)


class E:
    def __init__(self, i):
        if i == 55:
            raise ValueError("bad %d" % i)
        self.i = i


try:
    for i in range(100):
        E(i)
except ValueError as e:
    print("ValueError", e)


class G:
    def __init__(self):
        yield 1


try:
    G()
except TypeError as e:
    print(type(e).__name__, e)

# Keyword arguments and a wrong count go through the generic call.
class K:
    def __init__(self, a, b):
        self.a, self.b = a, b


for i in range(60):
    K(i, i)
print(K(b=2, a=1).a)
try:
    K(1)
except TypeError as e:
    print(type(e).__name__, e)

# A metaclass with __call__, and a class turned abstract-free subclass of an ABC.
class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class M(metaclass=Meta):
    def __init__(self, x):
        self.x = x


for i in range(3):
    print(M(i).x)

# Deep recursion through __init__ still ends in RecursionError.
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError", e)

# The instance is not leaked or shared: identities differ, refcounts settle.
a = [P(1, 2) for _ in range(5)]
print(len(set(map(id, a))))
import weakref


def freed():
    r = weakref.ref(P(1, 2))
    return r() is None


print(all(freed() for _ in range(100)))
