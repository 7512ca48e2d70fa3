# __slots__ stored as values in the instance, read and written by LOAD_ATTR_SLOT and
# STORE_ATTR_SLOT, driven through their deopt paths.

class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def run(n):
    v = Vec(1, 2)
    w = Vec(3, 4)
    s = 0
    for i in range(n):
        v.x = i
        s += v.dot(w)
    return s


print("plain", run(500))


# A subclass with its own slots and a dict: the same site sees another version.
class Vec3(Vec):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


class Loose(Vec):
    pass


def total(objs):
    s = 0
    for o in objs:
        s += o.x + o.y
    return s


objs = [Vec(i, i) for i in range(50)] + [Vec3(i, 1, 2) for i in range(50)]
print("mixed", total(objs))
lo = Loose(5, 6)
lo.extra = 7
print("loose", total([lo] * 60), lo.__dict__)

# An empty slot read after specialization raises AttributeError as usual.
e = Vec(1, 2)
for i in range(60):
    e.x
del e.x
try:
    e.x
except AttributeError as exc:
    print("AttributeError", exc)
try:
    del e.x
except AttributeError as exc:
    print("AttributeError", exc)

# The class changes under the specialized site: a property shadows the slot.
def read_x(o, n):
    return [o.x for _ in range(n)][-1]


class Shadowed:
    __slots__ = ("x",)


v = Shadowed()
v.x = 8
print(read_x(v, 60))
Shadowed.x = property(lambda self: "prop")
print(read_x(v, 5))

# Stores through a data descriptor installed later.
class W:
    __slots__ = ("a",)


def store(o, n):
    for i in range(n):
        o.a = i
    return o.a


w = W()
print(store(w, 60))
log = []
W.a = property(lambda s: "p", lambda s, v: log.append(v))
print(store(w, 3), log)

# Descriptor objects: repr, __get__/__set__/__delete__, misuse.
class S:
    __slots__ = ("q",)


print(repr(S.q), S.q.__name__, S.q.__objclass__.__name__)
s = S()
S.q.__set__(s, 41)
print(S.q.__get__(s), S.q.__get__(None, S) is S.q)
S.q.__delete__(s)
print(hasattr(s, "q"))
try:
    S.q.__get__(Vec(1, 2))
except TypeError as exc:
    print("TypeError", exc)

# Layout rules: conflicting slotted bases, __class__ assignment.
class T:
    __slots__ = ("t",)


try:
    class Both(Vec, T):
        pass
except TypeError as exc:
    print("TypeError", exc)


class Plain:
    pass


class Mix(Plain, Vec):
    pass


m = Mix(1, 2)
m.k = 3
print(m.x, m.y, m.k, m.__dict__)


class Twin:
    __slots__ = ("x", "y")


t = Vec(3, 4)
t.__class__ = Twin
print(type(t).__name__, t.x, t.y)
try:
    t.__class__ = T
except TypeError as exc:
    print("TypeError", exc)

# Many slots, and values freed with the instance.
class Many:
    __slots__ = tuple("s%d" % i for i in range(40))


mm = Many()
for i in range(40):
    setattr(mm, "s%d" % i, i)
print(sum(getattr(mm, "s%d" % i) for i in range(40)))
import weakref


class Held:
    pass


class Box:
    __slots__ = ("item",)


h = Held()
r = weakref.ref(h)
b = Box()
b.item = h
del h
print(r() is None)
del b
print(r() is None)
