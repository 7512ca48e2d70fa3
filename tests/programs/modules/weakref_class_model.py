# Weak references meet the class model: compact (shared-key) instances, __class__ and
# __bases__ assignment, __slots__ with and without __weakref__, and the type attribute cache.
from _collections import deque
from _weakref import ref, getweakrefcount

log = []


def cb(name):
    return lambda w: log.append(name)


# plain classes keep attributes in a shared-key values array; their weak references are
# cleared when they die
class P:
    def __init__(self, x):
        self.x = x
        self.y = x * 2


p = P(1)
r = ref(p, cb("p"))
print(r() is p, r().x, r().y, getweakrefcount(p))
del p
print(r(), log)

# many instances of one class, some weakly referenced, freed in a different order
objs = [P(i) for i in range(6)]
refs = [ref(o, cb("o%d" % o.x)) for o in objs[::2]]
print([w().x for w in refs])
del objs[0]
del objs[1]
print(log[-1:], [w() is None for w in refs])
objs.clear()
print(sorted(log), [w() is None for w in refs])


# __class__ assignment: the weak reference follows the object to its new class
class A:
    pass


class B:
    def hello(self):
        return "hello from B"


a = A()
a.v = 5
wa = ref(a, cb("a"))
a.__class__ = B
print(type(wa()).__name__, wa().hello(), wa().v, getweakrefcount(a))
del a
print(wa(), log[-1])

# back and forth, then freed as the original class
b = B()
wb = ref(b)
b.__class__ = A
b.__class__ = B
b.__class__ = A
print(type(wb()).__name__, getweakrefcount(b))
del b
print(wb())


# to a class with __del__
class D:
    def __del__(self):
        log.append("D.__del__")


d = A()
wd = ref(d, cb("d"))
d.__class__ = D
del d
print(log[-2:], wd())

# slots: weak-referenceable only with __weakref__
class S1:
    __slots__ = ("x",)


class S2:
    __slots__ = ("x", "__weakref__")


class S3:
    __slots__ = ("x", "__weakref__")


try:
    ref(S1())
except TypeError as e:
    print(type(e).__name__, e)
s = S2()
s.x = 1
ws = ref(s, cb("s"))
s.__class__ = S3
print(type(ws()).__name__, ws().x)
del s
print(ws(), log[-1])

for src in [
    "class X(S2): __slots__ = ('__weakref__',)",
    "class X: __slots__ = ('__weakref__', '__weakref__')",
    "class X(int): __slots__ = ('__weakref__',)",
    "class X(tuple): __slots__ = ('__dict__',)",
    "class X(deque): __slots__ = ('__weakref__',)",
    "class X: __slots__ = ('a', 1)",
    "class X: __slots__ = ('a b',)",
    "class X:\n    __slots__ = ('a',)\n    a = 1",
]:
    try:
        exec(src)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# __class__ assignment checks the weak-reference slot as part of the layout
try:
    S1().__class__ = S2
except TypeError as e:
    print(type(e).__name__, e)


class IntSub(int):
    pass


class DequeSub(deque):
    pass


try:
    ref(IntSub(3))
except TypeError as e:
    print(type(e).__name__, e)
ss = DequeSub([1, 2])
wss = ref(ss, cb("ss"))
del ss
print(wss(), log[-1])


# __bases__ assignment invalidates cached lookups; instances stay weakly referenceable
class M1:
    def who(self):
        return "M1"


class M2:
    def who(self):
        return "M2"


class C(M1):
    pass


c = C()
wc = ref(c)
print([c.who() for _ in range(3)])
C.__bases__ = (M2,)
print([c.who() for _ in range(3)], wc() is c)
M2.who = lambda self: "M2 patched"
print(c.who())
del M2.who
try:
    c.who()
except AttributeError as e:
    print(type(e).__name__, e)
del c
print(wc())

# __subclasses__ lists classes with implicit and explicit bases
class Base:
    pass


class K1(Base):
    pass


class K2(Base, M1):
    pass


print([k.__name__ for k in Base.__subclasses__()])
print([k.__name__ for k in M1.__subclasses__()])
print(Base in object.__subclasses__(), C in M2.__subclasses__(), C in M1.__subclasses__())


# dict subclasses: __missing__ through d[k] only
class Dflt(dict):
    def __missing__(self, k):
        return k * 2


dd = Dflt(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), "zz" in dd)

# built-in __new__ wrappers
print(tuple.__new__(tuple, [1, 2]), int.__new__(IntSub, 7), type(int.__new__(IntSub, 7)).__name__)
for f in [lambda: tuple.__new__(int), lambda: int.__new__(3), lambda: tuple.__new__()]:
    try:
        f()
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted(log))
