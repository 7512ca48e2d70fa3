# Instance attribute loads that compiled code runs inline for the class a site had when it
# was compiled, and through the runtime helper for anything else: other classes at the site,
# an instance turned into dict mode, deleted or never-set attributes, class changes, and an
# attribute holding a callable called as a method.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    def __init__(self, x):
        self.pad = 0
        self.x = x


def total(objs):
    s = 0
    for o in objs:
        s += o.x
    return s


def call_attr(objs):
    out = []
    for o in objs:
        out.append(o.f(2))
    return out


def read_y(objs):
    out = []
    for o in objs:
        try:
            out.append(o.y)
        except AttributeError as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


ps = [P(i, -i) for i in range(20)]
for _ in range(3):
    print(total(ps))
    print(total(ps + [Q(100), Q(200)]))  # a second class at the site
    p = P(1, 2)
    p.__dict__["z"] = 3  # dict mode
    print(total([p, P(5, 6)]), p.z)
    q = P(7, 8)
    del q.y
    print(read_y([P(1, 2), q, P(3, 4)]))
    r = P(9, 10)
    r.f = lambda n: n * 10
    s = P(0, 0)
    s.f = str
    print(call_attr([r, s, r]))
    P.x = "class attribute, shadowed by instances"
    print(total(ps))
    del P.x
    P.extra = 1  # a class change: new version
    print(total(ps), read_y(ps[:3]))
    t = P(4, 5)
    t.x = 2.5
    print(total([t, t]))


# Stores: the same shapes through STORE_ATTR_INSTANCE_VALUE.
def set_x(objs, v):
    for o in objs:
        o.x = v
    return [getattr(o, "x", None) for o in objs]


class R:
    def __init__(self):
        self.a = 1


def set_later(objs):
    # `b` is a new attribute: stored past the filled slots.
    for o in objs:
        o.b = o.a + 1
    return [(o.a, o.b) for o in objs]


for _ in range(3):
    ps = [P(i, i) for i in range(5)]
    print(set_x(ps, 7))
    print(set_x(ps + [Q(1)], "str"))  # another class at the site
    d = P(1, 2)
    d.__dict__["w"] = 0  # dict mode
    print(set_x([d, P(3, 4)], 8.5), d.__dict__)
    e = P(1, 2)
    del e.x  # a deleted slot below the filled ones
    print(set_x([P(0, 0), e], [1]), e.x, e.y)
    print(set_later([R(), R()]))
    P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
    try:
        print(set_x([P.__new__(P)], 5))
    finally:
        del P.x
