# Sorting with keys of one kind (ints, strs, tuples of them) and the cases that must leave
# those fast paths: subclasses with their own comparisons, mixed kinds, failing comparisons.

import random

rng = random.Random(7)
words = ["".join(rng.choice("abcxyzé\x00日") for _ in range(rng.randrange(0, 20))) for _ in range(300)]
ints = [rng.randrange(-10**6, 10**6) for _ in range(500)] + [2**63 - 1, -2**63, 0, 0, 7, 7]

print(sorted(words) == sorted(words, key=lambda w: w.encode("utf-32-be")))
print(sorted(words)[:12])
print(sorted(words, reverse=True)[:12])
print(sorted(ints)[:10], sorted(ints)[-10:])
print(sorted(ints, reverse=True)[:10])
print(sorted(["b", "a\x00", "a", "", "a\x00\x00", "ab", "\x00"]))
print(sorted(["abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmn", "abcdefghijklmnoo"]))

# Stability: equal keys keep their input order, forwards and reversed.
pairs = [(rng.randrange(5), i) for i in range(200)]
print(sorted(pairs, key=lambda p: p[0])[:15])
print(sorted(pairs, key=lambda p: p[0], reverse=True)[:15])
print(sorted(pairs, key=lambda p: str(p[0]))[:15])
counts = {w: rng.randrange(1, 6) for w in words}
items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(items[:10], items[-5:])
print(sorted([(1, "b"), (1, "a"), (0, "z"), (1, "a", 0), (1,), (), (1, 2.5)][:5]))

# Big ints and floats mixed with small ints.
print(sorted([3, 2**70, -2**70, 1.5, -0.5, True, False, 2**64 + 0.0]))
print(sorted([float("nan"), 1.0, 0.5]) [1:], sorted([(1, float("nan")), (0, 1)]))

# A str subclass with its own ordering is honoured.
class Rev(str):
    def __lt__(self, other):
        return str.__gt__(self, other)

print(sorted([Rev("a"), Rev("c"), Rev("b")]))
print(sorted(["a", "c", "b"], key=Rev))
print(sorted([(1, Rev("a")), (1, Rev("c")), (0, Rev("z"))]))

class Loud(int):
    def __lt__(self, other):
        return int.__gt__(self, other)
print(sorted([Loud(1), Loud(3), Loud(2)]), sorted([1, 3, 2], key=Loud))

# Failures: the error propagates, the list keeps all its items.
data = [3, "a", 1, 2, "b", 5, 4, 0, 9, 8, 7, 6, 5, 4, 3, 2, 1]
try:
    data.sort()
except TypeError as e:
    print(type(e).__name__, e)
print(len(data), sorted(data, key=str))
try:
    sorted([(1, 2), (1, "x"), (0, 1)] * 5)
except TypeError as e:
    print(type(e).__name__, e)

def bad_key(x):
    if x == 13:
        raise ValueError("bad key %d" % x)
    return -x
try:
    sorted(range(20), key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)

calls = 0
class Boom:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        global calls
        calls += 1
        if calls == 40:
            raise RuntimeError("boom")
        return self.v < other.v
objs = [Boom(rng.randrange(100)) for _ in range(50)]
try:
    objs.sort()
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(objs), sorted(o.v for o in objs) == sorted(o.v for o in objs))

# Mutation during sort is detected.
lst = list(range(30))
def mutating_key(x):
    if x == 5:
        lst.append(1)
    return x
try:
    lst.sort(key=mutating_key)
except ValueError as e:
    print(type(e).__name__, e)
print(sorted([]), sorted([1]), sorted("hello"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}))


# Strictly descending input is reversed in place (stable: no two items equal); runs with
# equal neighbours still keep their order.
desc = list(range(300, 0, -1))
print(sorted(desc)[:5], sorted(desc, reverse=True)[:5])
pairs = [(i // 3, i) for i in range(200, 0, -1)]
print(sorted(pairs, key=lambda p: p[0])[:6])
print(sorted(range(100), key=lambda x: -x)[:5])
