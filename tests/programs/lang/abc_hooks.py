# The class-protocol hooks abc and collections.abc rely on: metaclass __instancecheck__ and
# __subclasscheck__, __subclasses__, __subclasshook__, __abstractmethods__, __hash__ = None
# on unhashable built-ins, tuple.__new__ for namedtuple-style classes, and method objects.


class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, int)

    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__ if isinstance(sub, type) else sub)
        return sub is bool


class Intish(metaclass=Meta):
    pass


print(isinstance(3, Intish), isinstance("x", Intish), isinstance(3, (str, Intish)))
print(isinstance(Intish(), Intish))
print(issubclass(bool, Intish), issubclass(str, Intish), issubclass(str, (int, Intish)))
print(issubclass(3, Intish))
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError", e)


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in B.__subclasses__()],
      D.__subclasses__())
print(object.__subclasshook__(), A.__subclasshook__())


# __abstractmethods__ makes a class abstract, as abc does
class Shape:
    pass


Shape.__abstractmethods__ = frozenset({"area", "perimeter"})
try:
    Shape()
except TypeError as e:
    print("TypeError", e)
Shape.__abstractmethods__ = frozenset({"area"})
try:
    object.__new__(Shape)
except TypeError as e:
    print("TypeError", e)
Shape.__abstractmethods__ = frozenset()
print(type(Shape()).__name__)

# unhashable built-ins say so in their dict; others hash by identity
for t in (list, dict, set, bytearray, type({}.keys())):
    print(t.__name__, t.__dict__["__hash__"])
print(all(isinstance(hash(x), int) for x in (iter([]), iter(()), {}.values(), reversed([]))))


# tuple.__new__ and friends for classes built on immutable types
class Pair(tuple):
    __slots__ = ()

    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))

    first = property(lambda self: self[0])


p = Pair(1, 2)
print(p, p.first, type(p).__name__, len(p))
print(int.__new__(bool, 0) if False else int.__new__(int, "7"), str.__new__(str, 5), tuple.__new__(tuple))
for bad in ((), (1,), (list,)):
    try:
        tuple.__new__(*bad)
    except TypeError as e:
        print("TypeError", e)


# bound methods can be built and hashed
class K:
    def m(self):
        return "m of K"


k = K()
MethodType = type(k.m)
bm = MethodType(K.m, k)
print(bm(), bm == k.m, hash(bm) == hash(k.m))
try:
    MethodType(1, k)
except TypeError as e:
    print("TypeError", e)
try:
    MethodType(K.m, None)
except TypeError as e:
    print("TypeError", e)


class WithRev:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i

    def __reversed__(self):
        return iter("reversed!")


print(list(reversed(WithRev())))


class NoRev(dict):
    __reversed__ = None


try:
    reversed(NoRev())
except TypeError as e:
    print("TypeError", e)


# metaclasses reach type's own attribute store through super() (as enum's EnumType does)
class LoggingMeta(type):
    def __setattr__(cls, name, value):
        print("meta setattr", name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("meta delattr", name)
        super().__delattr__(name)


class Logged(metaclass=LoggingMeta):
    pass


Logged.a = 1
print(Logged.a)
del Logged.a
print(hasattr(Logged, "a"))
try:
    del Logged.b
except AttributeError as e:
    print("AttributeError", e)
type.__setattr__(Logged, "c", 3)
print(Logged.c, Logged.__dict__["c"])
try:
    type.__setattr__(int, "x", 1)
except TypeError as e:
    print("TypeError", e)
