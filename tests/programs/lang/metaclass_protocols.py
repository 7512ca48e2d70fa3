# Metaclass details the stdlib relies on: type(name, bases, ns, **kw) builds the class with the
# bases' most derived metaclass (enum's functional API), type.__setattr__/__delattr__/
# __getattribute__ through super() in a metaclass, and classes without __slots__ below a
# `__slots__ = ()` chain (the collections.abc pattern) getting a __dict__ again.


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__", name, sorted(kw))
        return super().__new__(mcs, name, bases, ns)

    def __init_subclass__(cls, **kw):
        super().__init_subclass__()

    def __setattr__(cls, name, value):
        print("Meta.__setattr__", name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("Meta.__delattr__", name)
        super().__delattr__(name)

    def __getattribute__(cls, name):
        if name == "magic":
            return 42
        return super().__getattribute__(name)


class Base(metaclass=Meta):
    pass


C = type("C", (Base,), {"x": 1}, flag=True)
print(type(C).__name__, C.__name__, C.x, C.magic, C.__mro__[1].__name__)
C.y = 2
print(C.y)
del C.y
print(hasattr(C, "y"))
try:
    del C.nope
except AttributeError as e:
    print(type(e).__name__, e)
try:
    type.__setattr__(C, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type.__setattr__(int, "x", 4)
except TypeError as e:
    print(type(e).__name__, e)
print(type.__getattribute__(int, "__name__"), type.__getattribute__(C, "magic") if False else "-")


class Other(type):
    pass


class O(metaclass=Other):
    pass


try:
    type("Bad", (Base, O), {})
except TypeError as e:
    print(type(e).__name__, e)
D = type("D", (), {})
print(type(D).__name__, D.__bases__)


class Plain(type):
    pass


class P(metaclass=Plain):
    pass


E = type("E", (P,), {})
print(type(E).__name__)

# __slots__ = () chains.


class S0:
    __slots__ = ()


class S1(S0):
    __slots__ = ()


class Free(S1):
    def __init__(self):
        self.a = 1


f = Free()
f.b = 2
print(f.a, f.b, sorted(f.__dict__.items()))
try:
    S1().z = 1
except AttributeError as e:
    print(type(e).__name__, e)


class Named(S1):
    __slots__ = ("n",)


class FreeAgain(Named):
    pass


g = FreeAgain()
g.n = 5
g.other = 6
print(g.n, g.other)
try:
    Named().q = 1
except AttributeError as e:
    print(type(e).__name__, e)
