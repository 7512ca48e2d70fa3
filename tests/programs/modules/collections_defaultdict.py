# collections.defaultdict (the native _collections.defaultdict): default_factory, __missing__,
# dict behaviour, repr, copy, |, subclasses; and __missing__ on plain dict subclasses.
from _collections import defaultdict


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, repr(e))


d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, len(d), d["a"], "c" in d, d.get("c"), "c" in d)
print(d.default_factory, isinstance(d, dict), type(d).__name__)
print(sorted(d.keys()), list(d.items()))

counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(sorted(counts.items()))

n = defaultdict()
print(n, n.default_factory)
show("missing no factory", lambda: n["x"])
print(defaultdict(None, {1: 2}), defaultdict(None, [(1, 2)], a=3))
print(defaultdict(default_factory=list))
show("not callable", lambda: defaultdict(1))
show("too many", lambda: defaultdict(None, {}, {}))
show("missing call", lambda: defaultdict(int).__missing__())
print(defaultdict(int).__missing__("k"))

# the factory can be changed or removed
f = defaultdict(int)
f.default_factory = lambda: "new"
print(f["x"], dict(f))
f.default_factory = None
show("after None", lambda: f["y"])
del f.default_factory
print(f.default_factory)

# nested
tree = defaultdict(lambda: defaultdict(int))
tree["a"]["x"] += 1
tree["a"]["y"] += 2
tree["b"]["x"] += 3
print(sorted((k, sorted(v.items())) for k, v in tree.items()))

# copy, |, equality with dict
c = defaultdict(set, {1: {2}})
c2 = c.copy()
c2[3].add(4)
print(c, c2, type(c2).__name__, c2.default_factory)
print(c.__copy__() == c, type(c.__copy__()).__name__)
print(c | {5: {6}}, {5: {6}} | c, type({0: 1} | c).__name__)
c |= {7: {8}}
print(c)
print(defaultdict(int, a=1) == {"a": 1}, {"a": 1} == defaultdict(int, a=1))
print(c.__reduce__()[:4])

# repr recursion
r = defaultdict(list)
r[1] = r
print(r)


class Sub(defaultdict):
    pass


s = Sub(int, a=1)
s["b"] += 1
print(s, s.copy(), type(s.copy()).__name__, type(s | {"c": 3}).__name__)


class InitSub(defaultdict):
    def __init__(self):
        super().__init__(list)
        self.extra = "attr"


i = InitSub()
i[0].append(1)
print(i, i.extra)


# __missing__ on plain dict subclasses
class Missing(dict):
    def __missing__(self, key):
        return key * 2


m = Missing(a=1)
print(m["a"], m["bb"], m.get("zz"), "bb" in m, dict.__getitem__(m, "q"))


class NoMissing(dict):
    pass


show("no missing", lambda: NoMissing()["k"])
print(defaultdict.fromkeys("ab", 1), Sub.fromkeys([1]), Missing.fromkeys("x"))
print(defaultdict.__name__, defaultdict.__module__, defaultdict.__mro__)
