# collections.namedtuple (over _collections._tuplegetter), OrderedDict (the pure-Python one
# over _weakref.proxy), Counter (over _collections._count_elements), ChainMap.
import collections
from collections import namedtuple, OrderedDict, Counter, ChainMap

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), p == (1, 2), isinstance(p, tuple))
print(Point._fields, Point._field_defaults, p._asdict(), p._replace(y=5), Point._make([3, 4]))
print(Point.x, Point.x.__doc__, Point.__doc__, type(Point.x).__name__)
try:
    p.x = 10
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    p.z = 1
except AttributeError as e:
    print("AttributeError", e)
x, y = p
print(x + y, hash(p) == hash((1, 2)), p + (3,), p * 2)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 1], module="geo")
print(P3(5), P3(5, c=9), P3.__module__, P3._field_defaults)
R = namedtuple("R", "def class x", rename=True)
print(R._fields, R(1, 2, 3))
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("Bad", "a 1b")
except ValueError as e:
    print("ValueError", e)


class Sub(Point):
    __slots__ = ()

    def norm(self):
        return self.x * self.x + self.y * self.y


s = Sub(3, 4)
print(s, s.norm(), s._replace(x=0), type(s._replace(x=0)).__name__)

# OrderedDict
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(list(od), od)
od.move_to_end("a", last=False)
print(list(od.keys()), od.popitem(), od.popitem(last=False), od)
o1, o2 = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, list(reversed(o1)))
od = OrderedDict.fromkeys("xyz", 0)
od["x"] += 5
del od["y"]
print(od, od.setdefault("w", 7), list(od.items()))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)

# Counter
c = Counter("abracadabra")
print(c.most_common(3), c["a"], c["z"], sorted(c.elements())[:6])
c.update("aaz")
c.subtract({"a": 2})
print(sorted(c.items()), c.total())
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))

# ChainMap
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps)
cm2 = cm.new_child({"c": 4})
cm2["a"] = 0
print(cm2["a"], cm["a"], cm2.parents["a"], dict(cm2))
print(collections.deque is collections.deque, collections.defaultdict.__module__)
