# Dict lookups with str and tuple keys take paths that run no Python code; keys whose
# equality or hash is user-defined (str subclasses) must still be asked.

class Folded(str):
    def __hash__(self):
        return hash(self.lower())
    def __eq__(self, other):
        return isinstance(other, str) and self.lower() == other.lower()

class Plain(str):
    pass

class Const(str):
    def __hash__(self):
        return 12345
    def __eq__(self, other):
        print("  Const.__eq__", str.__repr__(self), repr(other))
        return str.__eq__(self, other)

d = {}
d[Folded("Ab")] = 1
print(d.get("ab"), d.get("AB"), d.get(Folded("aB")), "ab" in d, Folded("AB") in d)
d["xyz"] = 2
print(d.get(Folded("XYZ")), d.get(Plain("xyz")), Plain("xyz") in d, d[Plain("xyz")])

e = {"hello": 1, "a": 2}
print(e.get(Folded("HELLO")), e.get(Plain("hello")), Plain("a") in e, e.get(Folded("A")))

c = {Const("k"): 1}
print(c.get(Const("k")))
print(c.get("k"))
print(Const("zz") in c)
c["plain"] = 5
print(c.get(Const("plain")))

# Tuple keys: items of different kinds that are equal, nested tuples, subclass items.
t = {(1, "a"): "int", ("x", "y"): "strs", ((1, 2), "z"): "nested", (1.5, None): "float"}
print(t.get((1.0, "a")), t.get((True, "a")), t.get(("x", "y")), t.get((("x", "y"))))
print(t.get(((1.0, 2), "z")), t.get((1.5, None)), (2, "a") in t, ("x", "y", "z") in t)
print(t.get((Folded("X"), "y")), t.get(("x", Plain("y"))), t.get((Folded("x"), "y")))
t[(Folded("Q"), 1)] = "folded"
print(t.get(("q", 1)), t.get(("Q", 1)), t.get(("Q", 1.0)))
long_key = ("a" * 20, "b" * 30, 7)
t[long_key] = "long"
print(t.get(("a" * 20, "b" * 30, 7)), t.get(("a" * 20, "b" * 30, 7.0)), t.get(("a" * 20, "b" * 31, 7)))
print(hash((1, "a")) == hash((1.0, "a")), hash(("x", 2)) == hash(("x", 2)))
try:
    t[([1], 2)] = 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.get((1, {}))
except TypeError as e:
    print(type(e).__name__, e)

pairs = {}
for a in ["ka", "lo", "mi"]:
    for b in ["ka", "lo", "mi", "kamilone" * 3]:
        key = (a, b[:2])
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
print(sorted(pairs.items()))

# items(): tuples handed out are either fresh or refilled, never changed under a holder.
src = {"k%d" % i: i for i in range(8)}
kept = []
for item in src.items():
    if item[1] % 3 == 0:
        kept.append(item)
print(kept)
ids = [(k, v) for k, v in src.items()]
print(ids[:3], len(ids))
it = iter(src.items())
first = next(it)
second = next(it)
print(first, second, next(it))
print(list(src.items())[-2:], dict(src.items()) == src)

class Noisy:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("  del", self.n)
nd = {i: Noisy(i) for i in range(3)}
for k, v in nd.items():
    print("visit", k, v.n)
    del v
nd.clear()
print("cleared")

# Copies keep every key and order (hashes are reused, equality still by the keys).
base = {"b": 1, "a": 2, (1, 2): 3, Folded("Cc"): 4, 5: 5}
del base["a"]
base["a"] = 6
cp = dict(base)
print(list(cp.items()) == list(base.items()), cp.get("cc"), list(cp)[:2])
up = {"a": 0, "z": 9}
up.update(base)
print(up)

# Whole-dict and view conversions read the table directly; subclasses keep their __iter__.
dv = {"x": 1, "y": 2, "z": 3, (1, 2): 4}
del dv["y"]
dv["w"] = 5
print(list(dv), tuple(dv.values()), list(dv.items()), sorted(dv.values()))
print(" ".join(k for k in dv if isinstance(k, str)), "-".join({"a": 1, "b": 2}), sorted({"q": 1, "p": 2}))
class Backwards(dict):
    def __iter__(self):
        return iter(sorted(dict.keys(self), reverse=True))
bw = Backwards(a=1, c=2, b=3)
print(list(bw), tuple(bw), list(bw.keys()), list(bw.items()), "".join(bw))
empty = {}
print(list(empty), list(empty.items()), tuple(empty.values()))

# Tuple hashes: items with their own __hash__ are asked every time (nothing is cached for them).
hash_calls = []
class Counted:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        hash_calls.append(self.n)
        return self.n
    def __eq__(self, other):
        return isinstance(other, Counted) and other.n == self.n
key = (Counted(1), "s")
box = {key: 1}
print(box[key], key in box, box.get((Counted(1), "s")), len(hash_calls))
print(hash(key) == hash(key), len(hash_calls))
class Shifty:
    n = 0
    def __hash__(self):
        Shifty.n += 1
        return Shifty.n
sk = (Shifty(), 1)
print(hash(sk) != hash(sk), Shifty.n)
plain = ("a", 1, 2.5, None, True, "b" * 30)
print(hash(plain) == hash(("a", 1, 2.5, None, True, "b" * 30)), hash(plain) == hash(plain))
print(hash((1, 2)) == hash((1.0, 2)), hash(()) == hash(tuple()), {(1, 2): "x"}[(1.0, 2.0)])
