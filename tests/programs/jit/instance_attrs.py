# Instance attribute loads in compiled loops: another class at the site, an attribute deleted
# or shadowed mid-loop, __class__ reassigned, the instance dict replaced, a method load.
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Q(P):
    pass


class R:
    def __init__(self, x):
        self.y = 0
        self.x = x


def total(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        s = s + o.x * 2 + o.y
    return s


ps = [P(i, -i) for i in range(5)]
print(total(ps, 1000))
print(total(ps + [Q(10, 1)], 1000))
print(total(ps + [R(3)], 1000))


def with_delete(objs, n):
    s = 0
    for i in range(n):
        o = objs[i % len(objs)]
        if i == n // 2:
            del o.x
        try:
            s = s + o.x
        except AttributeError as e:
            print(i, type(e).__name__, e)
            o.x = 100
    return s


print(with_delete([P(i, i) for i in range(4)], 800))


def class_swap(n):
    o = P(1, 2)
    s = 0
    for i in range(n):
        s = s + o.x
        if i == 300:
            o.__class__ = Q
        if i == 500:
            o.__dict__ = {"x": 7, "y": 8}
        if i == 600:
            o.__dict__["x"] = 9
    return s, type(o).__name__


print(class_swap(800))


def methods(n):
    o = P(3, -4)
    s = 0
    for i in range(n):
        s = s + o.norm1()
        if i == n - 10:
            o.norm1 = lambda: 1000
    return s


print(methods(500))


def many_attrs(n):
    o = P(1, 1)
    for k in range(40):
        setattr(o, "a%d" % k, k)
    s = 0
    for i in range(n):
        s = s + o.x + o.a39
    return s


print(many_attrs(500))
