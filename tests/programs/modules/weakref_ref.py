# _weakref.ref: liveness, sharing of plain refs, hashing and equality, subclasses, what can
# and cannot be weakly referenced, getweakrefcount/getweakrefs.
import _weakref
from _weakref import ref, getweakrefcount, getweakrefs


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class C:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "C(%s)" % self.name

    def method(self):
        return self.name


c = C("a")
r = ref(c)
print(r() is c, r(), ref(c) is r, type(r).__name__, isinstance(r, ref))
print(getweakrefcount(c), getweakrefs(c) == [r])
del c
print(r(), getweakrefcount(r))

# equality and hashing follow the referent while it lives
a, b = C("x"), C("y")
ra1, ra2, rb = ref(a), ref(a, lambda w: None), ref(b)
print(ra1 == ra2, ra1 != ra2, ra1 == rb, ra1 is ra2, hash(ra1) == hash(a), hash(ra2) == hash(a))
print(getweakrefcount(a), getweakrefs(a)[0] is ra1)
show("ordering", lambda: ra1 < rb)
print(ra1 == a, ra1 == 1)
h = hash(rb)
del b
print(hash(rb) == h, rb == rb, rb == ra1, rb != ra1)
lost = ref(C("gone"))
show("hash dead", lambda: hash(lost))


# value-equal referents make equal refs, which then share a dict slot
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k

    def __hash__(self):
        return hash(self.k)


k1, k2 = Key(1), Key(1)
table = {ref(k1): "first"}
table[ref(k2)] = "second"
print(len(table), list(table.values()))

# callbacks and __callback__
def cb(w):
    print("cb called", type(w).__name__)


x = C("cb")
rx = ref(x, cb)
print(rx.__callback__ is cb, ref(x).__callback__, ref(x, None).__callback__)
del x
print(rx.__callback__)

# what can be weakly referenced
def func():
    pass


for obj in (func, C, C("i"), {1}, frozenset(), len, [].append, C("m").method,
            (i for i in ()), _weakref, func.__code__, type):
    w = ref(obj)
    print(type(obj).__name__, w() is obj)
for obj in (1, 2.5, "s", "long string " * 3, (), (1,), [], {}, None, True, object(), b"b",
            bytearray(), range(3), 10**40, 1j, slice(1), ref(func), iter([])):
    show(type(obj).__name__, lambda: ref(obj))


class Slotted:
    __slots__ = ("a",)


class SlottedWeak:
    __slots__ = ("a", "__weakref__")


class IntSub(int):
    pass


class StrSub(str):
    pass


class ListSub(list):
    pass


class TupleSub(tuple):
    pass


class ExcSub(Exception):
    pass


for obj in (Slotted(), SlottedWeak(), IntSub(3), StrSub("s"), ListSub(), TupleSub(), ExcSub()):
    show(type(obj).__name__, lambda: ref(obj)() is obj)
print(getweakrefcount(1), getweakrefs("x"))

# argument errors
show("no args", lambda: ref())
show("3 args", lambda: ref(func, None, 1))
show("kwargs", lambda: ref(func, callback=None))
show("call args", lambda: ref(func)(1))
show("count no args", lambda: getweakrefcount())


# subclasses of ref, as weakref.KeyedRef and WeakMethod do
class KeyedRef(ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


t = C("keyed")
kr = KeyedRef(t, None, "the key")
print(kr() is t, kr.key, type(kr).__name__, isinstance(kr, ref), kr is ref(t), getweakrefcount(t))
show("keyedref weakref", lambda: ref(kr))


class Named(ref):
    def __init__(self, ob, callback=None, name="?"):
        super().__init__(ob, callback)
        self.name = name


nr = Named(t, None)
nr.name = "named"
print(nr() is t, nr.name, ref(nr)() is nr, getweakrefcount(t))
del t
print(kr(), nr(), kr.key)

# the refs to one object are listed plain ref first, then the others newest first
o = C("order")
r_cb1 = ref(o, cb)
r_plain = ref(o)
r_cb2 = ref(o, cb)
refs = getweakrefs(o)
print(refs[0] is r_plain, refs[1] is r_cb2, refs[2] is r_cb1)
del r_cb1, r_cb2
print(getweakrefcount(o))
print(ref.__name__, ref.__module__, ref is _weakref.ReferenceType, repr(ref))
