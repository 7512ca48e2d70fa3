# Tier 1's fused attribute stores and method loads on a local: `x.attr = v`
# (LOAD_FAST + STORE_ATTR_INSTANCE_VALUE) and `x.m(...)` (LOAD_FAST + LOAD_ATTR_METHOD_*).
# Each runs long enough to specialize, then meets an owner its guard rejects.


class Node:
    def __init__(self, v):
        self.v = v
        self.next = None

    def get(self):
        return self.v

    def bump(self, k):
        self.v = self.v + k
        return self.v


class Sub(Node):
    def get(self):
        return -self.v


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v * 100


class WithProp(Node):
    @property
    def v(self):
        return self.__dict__.get("_v", 0)

    @v.setter
    def v(self, x):
        self.__dict__["_v"] = x * 2


def set_next(a, b):
    a.next = b


def call_get(o):
    return o.get()


def run_store():
    nodes = [Node(i) for i in range(300)]
    for i in range(299):
        set_next(nodes[i], nodes[i + 1])
    n, count = nodes[0], 0
    while n is not None:
        count += n.v
        n = n.next
    print("store chain", count)
    # Another class at the site, then an instance in dict mode, then a property.
    s = Sub(7)
    set_next(s, nodes[0])
    print("store sub", s.next.v)
    d = Node(3)
    d.__dict__["extra"] = 1
    del d.v
    set_next(d, s)
    print("store dict mode", d.next.get(), sorted(d.__dict__))
    w = WithProp(5)
    print("store prop", w.v)
    try:
        set_next(Slotted(1), None)
    except AttributeError as e:
        print(type(e).__name__, e)
    try:
        set_next(5, None)
    except AttributeError as e:
        print(type(e).__name__, e)
    acc = 0
    b = Node(0)
    for i in range(300):
        acc += b.bump(i)
    print("bump", acc, b.v)


def run_method():
    total = 0
    objs = [Node(i) if i % 4 else Sub(i) for i in range(400)]
    for o in objs:
        total += call_get(o)
    print("method poly", total)
    total = 0
    for i in range(300):
        total += call_get(Slotted(i))
    print("method slots", total)
    n = Node(9)
    for _ in range(300):
        call_get(n)
    n.get = lambda: "shadowed"
    print("method shadowed", call_get(n))
    Node.get = lambda self: self.v + 1000
    print("method replaced", call_get(Node(1)), call_get(Sub(2)))
    try:
        call_get(3)
    except AttributeError as e:
        print(type(e).__name__, e)


run_store()
run_method()
