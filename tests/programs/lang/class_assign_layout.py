# lang: __class__ assignment (CPython's layout rules), __slots__ validation, built-in __new__/__init__
# reached from subclasses, __missing__, __init_subclass__ keywords, MRO errors, __name__/__qualname__
class A: pass
class A2: pass
class AB(A): pass
class S: __slots__ = ('x',)
class S2: __slots__ = ('x',)
class S3: __slots__ = ('y',)
class SE: __slots__ = ()
class SD: __slots__ = ('__dict__',)
class SW: __slots__ = ('__weakref__',)
class SS(S): __slots__ = ('z',)
class SS2(S2): __slots__ = ('z',)
class SSb(S): __slots__ = ('z',)
class I(int): pass
class I2(int): pass
class Is(int): __slots__ = ()
class L(list): pass
class L2(list): pass
class E(Exception): pass
class E2(KeyError): pass
class T(tuple): pass
class Del:
    def __del__(self): pass
classes = [A, A2, AB, S, S2, S3, SE, SD, SW, SS, SS2, SSb, I, I2, Is, L, L2, E, E2, T, Del, object, int]
def make(c):
    return {I: lambda: I(3), I2: lambda: I2(3), Is: lambda: Is(3), int: lambda: 5}.get(c, c)()
for a in classes:
    row = []
    for b in classes:
        o = make(a)
        try:
            o.__class__ = b
            row.append(".")
            o.__class__ = a
        except TypeError as e:
            m = str(e)
            row.append("L" if "layout differs" in m else "M" if "mutable" in m else "?")
    print(a.__name__.ljust(4), "".join(row))
o = A()
o.v = 1
o.__class__ = AB
print(type(o).__name__, o.v, isinstance(o, AB), o.__dict__)
for bad in [1, None, "x"]:
    try:
        A().__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del A().__class__
except TypeError as e:
    print("TypeError:", e)
try:
    A().__class__ = S
except TypeError as e:
    print("TypeError:", e)
class M(type): pass
class M2(type): pass
k = M("K", (), {})
k.__class__ = M2
print(type(k).__name__)
# __slots__ validation and name mangling
for src in ['class B(A): __slots__ = ("__dict__",)', 'class B(SW): __slots__ = ("__weakref__",)',
            'class B(int): __slots__ = ("x",)', 'class B(tuple): __slots__ = ("x",)', 'class B: __slots__ = (1,)',
            'class B: __slots__ = ("a b",)', 'class B:\n    __slots__ = ("x",)\n    x = 1',
            'class B(A, A): pass', 'class B(SD): __slots__ = ("__dict__",)']:
    try:
        exec(src)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
class P:
    __slots__ = ('__secret', 'b', 'a')
    def __init__(self):
        self.__secret = 42
    def get(self):
        return self.__secret
print(P().get(), sorted(k for k in vars(P) if not k.startswith('__')))
# MRO errors name the heads left to merge
class X(AB, A2): pass
class Y(A2, AB): pass
for bases in [(A, AB), (X, Y), (AB, A, A2)]:
    try:
        type("Z", bases, {})
    except TypeError as e:
        print("TypeError:", e)
print(X.__base__.__name__, type("Q", (A2, AB), {}).__base__.__name__)
# built-in __new__ reached through super() and directly
class IntLike(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(IntLike(21), type(IntLike(1)).__name__, int.__new__(I, 7), type(int.__new__(I, 7)).__name__)
for args in [(), (3,), (str,), (I, "12")]:
    try:
        print(int.__new__(*args))
    except TypeError as e:
        print("TypeError:", e)
try:
    str.__new__(I)
except TypeError as e:
    print("TypeError:", e)
class Up(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
print(Up("abc"), type(Up("x")).__name__, tuple.__new__(T, [1, 2]), type(tuple.__new__(T, [1])).__name__)
# list.__init__ / dict.__init__ from subclasses
class Logged(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.append("end")
class NewOnly(list):
    def __new__(cls, *a):
        return super().__new__(cls)
print(Logged([1, 2]), Logged(), NewOnly([3, 4]))
lst = [1, 2]
lst.__init__("ab")
print(lst)
class Cfg(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.setdefault("debug", False)
print(Cfg(x=1), Cfg([("a", 1)], b=2))
try:
    list.__init__([], 1, 2)
except TypeError as e:
    print("TypeError:", e)
# __missing__ only through d[k]
class Counter(dict):
    def __missing__(self, k):
        return 0
c = Counter(a=2)
print(c["a"], c["zz"], c.get("zz"), "zz" in c, len(c))
class Auto(dict):
    def __missing__(self, k):
        v = self[k] = Auto()
        return v
t = Auto()
t["x"]["y"]["z"] = 1
print(t)
class NoMissing(dict): pass
try:
    NoMissing()["q"]
except KeyError as e:
    print("KeyError:", e)
# __init_subclass__ keywords
seen = []
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        seen.append((cls.__name__, tag))
class C1(Base, tag="one"): pass
class C2(Base): pass
print(seen)
try:
    class C3(Base, tag="x", other=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class C4(flavor=1): pass
except TypeError as e:
    print("TypeError:", e)
# __ne__ defaults to the inverse of __eq__
class Eq:
    def __eq__(self, o):
        return True
class NIEq:
    def __eq__(self, o):
        return NotImplemented
print(Eq() != 1, 1 != Eq(), NIEq() != 1, NIEq() == NIEq())
# __name__ / __qualname__ assignment
class Named: pass
Named.__name__ = "Renamed"
print(Named.__name__, Named.__qualname__, Named)
Named.__qualname__ = "Q.R"
print(Named, repr(Named())[:18])
for v in [3, None]:
    try:
        Named.__name__ = v
    except TypeError as e:
        print("TypeError:", e)
try:
    int.__name__ = "x"
except TypeError as e:
    print("TypeError:", e)
# complex() uses __complex__ first
class Cx:
    def __complex__(self):
        return 2 + 3j
class BadCx:
    def __complex__(self):
        return 1.5
print(complex(Cx()), complex(Cx(), 1))
try:
    complex(BadCx())
except TypeError as e:
    print("TypeError:", e)
