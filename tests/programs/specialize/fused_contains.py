# `x in container` fast forms (sets of ints / short strs, dicts with str keys), fused with
# the branch that follows, driven through their fallbacks: keys of other kinds with equal
# hashes, containers changing type mid-loop, unhashable keys, subclasses.


def count_in(container, keys):
    n = 0
    for k in keys:
        if k in container:
            n += 1
    return n


def count_not_in(container, keys):
    n = 0
    for k in keys:
        if k not in container:
            n += 1
    return n


def as_values(container, keys):
    return [k in container for k in keys] + [k not in container for k in keys]


ints = set(range(0, 40, 3))
print(count_in(ints, range(50)), count_not_in(ints, range(50)))
# equal keys of other kinds: floats, bools, big ints
print(count_in(ints, [3.0, True, False, 0.0, 2**70, -0.0, 9.5]))
mixed = {1.0, 2**64, "abc", "a much longer string than fifteen bytes", (1, 2)}
print(count_in(mixed, [1, 2**64, "abc", "a much longer string than fifteen bytes", (1, 2), 2, "ab"]))
print(count_in(frozenset([1, 2, 3]), [1, 2, 3, 4, 1.0]))
print(as_values({1, "x"}, [1, "x", 2, "y", True, 1.0]))
# hash collisions between ints and strs and negative numbers (hash(-1) == hash(-2))
neg = {-1, -2, -3, -(2**62), 2**62}
print(count_in(neg, [-1, -2, -3, -4, -(2**62), 2**62, 2**61]))
# the container changes type under the same instruction
for c in [{1, 2, 3}, [1, 2, 3], {"a": 1, "b": 2}, (1, 2), "abc", range(3), {1: 2}, {4}]:
    try:
        print(type(c).__name__, count_in(c, [1, 2, "a", "b", 4, 0]))
    except TypeError as e:
        print(type(e).__name__, e)
# dicts with str keys, other keys, and a str key that is long
d = {"ka": 1, "lo": 2, "a long key that is not inline": 3, 5: 6, (1, 2): 3}
print(count_in(d, ["ka", "lo", "zz", "a long key that is not inline", 5, (1, 2), 5.0, "a long key that is not inlinX"]))
print(as_values(d, ["ka", "nope", 5]))
# unhashable keys raise TypeError with CPython's message
for c in [set(), {}, frozenset()]:
    try:
        print([1] in c)
    except TypeError as e:
        print(type(e).__name__, e)
# a set key looks for the equal frozenset
print({1, 2} in {frozenset({1, 2})}, {3} in {frozenset({1, 2})})


class MySet:
    def __init__(self, items):
        self.items = set(items)

    def __contains__(self, k):
        print("MySet contains", k)
        return True


class MyDict(dict):
    def __contains__(self, k):
        print("MyDict contains", k)
        return False


print(count_in(MySet([1]), [1, 2]))
print(count_in(MyDict(a=1), ["a", "b"]))
# sets mutated while being probed from the same loop
s = set()
hits = 0
for i in range(200):
    if i % 7 in s:
        hits += 1
        s.discard(i % 7)
    else:
        s.add(i % 7)
print(hits, sorted(s))
