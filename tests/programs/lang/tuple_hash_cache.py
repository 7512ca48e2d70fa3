# Tuple hashes: cached only when no Python code runs to compute them (inline items and exact
# strs), so items with their own __hash__ are asked every time, unhashable items raise every
# time, and tuple subclasses keep their own __hash__.

calls = 0

class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        global calls
        calls += 1
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, H) and self.v == other.v

key = (H(1), "a")
d = {key: 1}
print(key in d, d[key], d.get(key), calls)
d[key] += 1
print(d[key], calls)
print(hash(key) == hash(key), calls)
nested = ((H(2), 1), 2)
d[nested] = 5
print(nested in d, ((H(2), 1), 2) in d, calls)

for bad in (([1], 2), (1, {}), ((1, [2]), 3)):
    for attempt in range(2):
        try:
            d[bad] = 1
        except TypeError as e:
            print(type(e).__name__, e)
        try:
            print(bad in d)
        except TypeError as e:
            print(type(e).__name__, e)

# Values equal across kinds hash alike, cached or not.
plain = {(1, "a"): "x", (1.5, None, True): "y", (-1,): "m1", ((1, 2), "z"): "n"}
print(plain.get((1.0, "a")), plain.get((True, "a")), plain.get((1.5, None, 1)))
print(hash((-1,)) == hash((-2,)), plain.get((-1,)), (-2,) in plain)
print(plain.get(((1.0, 2), "z")), hash(((1, 2), "z")) == hash(((1.0, 2), "z")))
t = (3, "b" * 20)
h1 = hash(t)
print(h1 == hash(t), h1 == hash((3, "b" * 20)), h1 == hash((3.0, "b" * 20)))

class T(tuple):
    def __hash__(self):
        return 5
    def __eq__(self, other):
        return tuple.__eq__(self, other)

s = T((1, 2))
print(hash(s), hash(tuple(s)) == hash((1, 2)))
e = {s: "sub"}
print(e.get((1, 2)), e.get(T((1, 2))), (1, 2) in e)
e[(1, 2)] = "plain"
print(len(e), sorted(e.values()))

# Counting pairs with tuple keys of fresh tuples (the benchmark shape), plus deletion.
counts = {}
words = "ka lo mi ne ka lo ka mi ne lo ka".split()
prev = None
for w in words:
    if prev is not None:
        k = (prev, w[:2])
        if k in counts:
            counts[k] += 1
        else:
            counts[k] = 1
    prev = w[-2:]
print(sorted(counts.items()))
del counts[("ka", "lo")]
print(("ka", "lo") in counts, len(counts))
try:
    del counts[("ka", "lo")]
except KeyError as e:
    print(type(e).__name__, e)
