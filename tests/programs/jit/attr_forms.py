# Attribute forms in compiled loops: a site that sees several classes (polymorphic loads,
# stores and method loads served without leaving compiled code), a method shadowed by an
# instance attribute, __slots__ members (an empty slot raises), class attributes and module
# attributes rebound mid-loop.
import sys


class Base:
    def __init__(self, v):
        self.v = v
        self.w = 0

    def get(self):
        return self.v


class A(Base):
    pass


class B(Base):
    def __init__(self, v):
        self.pad = 1
        self.v = v
        self.w = 0


class C(Base):
    def get(self):
        return self.v * 10


def poly(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        o.w = i  # STORE_ATTR_INSTANCE_VALUE on several classes
        s += o.v + o.w + o.get()
    return s


objs = [A(1), B(2), C(3), A(4), B(5)]
print(poly(objs, 600))
print([o.w for o in objs])


def shadowed(o, n):
    s = 0
    for i in range(n):
        if i == n // 2:
            o.get = lambda: -1000
        s += o.get()
    return s


print(shadowed(A(7), 400))


def dict_mode(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % 2]
        if i == 250:
            o.__dict__["v"] = 99  # materialized dict
        s += o.v
        o.w = s
    return s


print(dict_mode([A(1), A(2)], 500))


class S:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


def slots(n):
    o = S(1)
    s = 0
    for i in range(n):
        o.b = i  # STORE_ATTR_SLOT
        s += o.a + o.b  # LOAD_ATTR_SLOT
        if i == n - 50:
            del o.b
            try:
                s += o.b
            except AttributeError as e:
                print(type(e).__name__, e)
    return s


print(slots(300))


class K:
    scale = 2


def class_attr(n):
    s = 0
    for i in range(n):
        if i == n // 2:
            K.scale = 3
        s += K.scale
    return s


print(class_attr(400))

this = sys.modules[__name__]
counter = 1


def module_attr(n):
    global counter
    s = 0
    for i in range(n):
        s += this.counter
        if i == n // 2:
            counter = 5
        if i == n - 10:
            del this.counter
            try:
                s += this.counter
            except AttributeError as e:
                print(type(e).__name__, e)
            counter = 7
    return s


print(module_attr(400))


def store_then_raise(objs, n):
    # A store site whose owner becomes a read-only object: the AttributeError comes from the
    # instruction in tier 1, after the compiled guard fails.
    s = 0
    for i in range(n):
        o = objs[0] if i < n - 5 else 5
        try:
            o.v = i
            s += o.v
        except AttributeError as e:
            print(type(e).__name__, e)
    return s


print(store_then_raise([A(0)], 300))


import math as _m


class HasPi:
    def __init__(self):
        self.pi = 3


def form_changes(objs, n):
    # The site is specialized for one owner kind, then another (instance values, a module,
    # a class): compiled code compiled for one form runs whichever form tier 1 has now.
    s = 0
    for i in range(n):
        s += objs[(i // 100) % len(objs)].pi
    return round(s, 6)


class PiClass:
    pi = 4


print(form_changes([HasPi(), _m, PiClass, HasPi()], 1200))
