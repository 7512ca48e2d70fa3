# `self.x` / `self.x = v` with the owner read from a local by compiled code: the owner is
# not taken a reference to on the inline path, and pushed when the op leaves it (another
# class, a missing attribute, an instance in dict mode, a non-instance), so errors and
# tracebacks are those of the attribute op.


class A:
    def __init__(self, v):
        self.v = v
        self.w = 0

    def bump(self, n):
        for i in range(n):
            self.w = self.w + self.v
        return self.w


class B:
    def __init__(self):
        self.pad = 1
        self.v = 10
        self.w = 5


def read_all(objs):
    out = []
    for o in objs:
        try:
            out.append(o.v)
        except AttributeError as e:
            out.append("AttributeError: " + str(e))
    return out


def write_all(objs, val):
    for o in objs:
        try:
            o.w = val
        except AttributeError as e:
            print("AttributeError:", e)
    return [getattr(o, "w", None) for o in objs]


class Slotted:
    __slots__ = ("v",)

    def __init__(self):
        self.v = 7


a = A(3)
print(a.bump(100))
objs = [A(1), B(), A(2), 5, Slotted(), A(4)]
d = A(9)
d.__dict__["extra"] = 1          # still an instance with attributes
for _ in range(3):
    print(read_all(objs + [d]))
    print(write_all([A(1), B(), Slotted()], 42))
del d.v
print(read_all([d]))


def fails(o):
    t = 0
    for i in range(50):
        t += o.v
    return t


print(fails(A(2)))
print(fails(A(3)))
fails(B.__new__(B))
