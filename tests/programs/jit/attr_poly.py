# Attribute sites that see several classes (a base-class method run on instances of its
# subclasses): compiled code keeps a small polymorphic cache per site. Entries must stop
# matching when a class changes, and classes the cache cannot serve (properties, __getattr__,
# __slots__, more classes than entries) must still get CPython's results.


class Base:
    def __init__(self, v):
        self.v = v
        self.w = 0

    def get(self):
        return self.v

    def put(self, x):
        self.w = x
        return self.w

    def kind(self):
        return "base"

    def call_kind(self):
        return self.kind()


def make(n):
    classes = []
    for i in range(n):
        name = "C%d" % i
        if i % 2:
            cls = type(name, (Base,), {"kind": lambda self, i=i: "k%d" % i})
        else:
            cls = type(name, (Base,), {})
        classes.append(cls)
    return classes


def run(objs, rounds):
    out = 0
    kinds = []
    for r in range(rounds):
        for o in objs:
            out += o.get()
            o.put(r)
            kinds.append(o.call_kind())
    return out, kinds[-len(objs):]


class WithProp(Base):
    @property
    def v(self):
        return 1000

    @v.setter
    def v(self, x):
        pass


class WithGetattr(Base):
    def __getattribute__(self, name):
        if name == "v":
            return -1
        return object.__getattribute__(self, name)


class Slotted:
    __slots__ = ("v", "w")

    def __init__(self, v):
        self.v = v
        self.w = 0

    get = Base.get
    put = Base.put
    call_kind = Base.call_kind

    def kind(self):
        return "slotted"


def main():
    classes = make(7)
    objs = [c(i) for i, c in enumerate(classes)]
    print(run(objs, 30))
    # A class changed after the sites cached it: a new method and a class attribute.
    classes[2].kind = lambda self: "patched"
    classes[3].get = lambda self: 100
    print(run(objs, 3))
    # An attribute deleted, then set again.
    del objs[1].v
    try:
        run(objs, 1)
    except AttributeError as e:
        print("AttributeError:", e)
    objs[1].v = 11
    print(run(objs, 2))
    # An instance whose attributes moved to a dict.
    objs[4].__dict__["extra"] = 1
    vars(objs[4])["v"] = 44
    print(run(objs, 2))
    # Classes the caches cannot serve.
    mixed = objs[:3] + [WithProp(5), WithGetattr(6), Slotted(7)] + objs[3:]
    print(run(mixed, 5))
    # Base itself changed: every subclass's version changes.
    Base.kind = lambda self: "rebased"
    print(run(objs, 2))


main()
