# list.sort / sorted with tuple keys: item-by-item order, ties decided by later items and by
# length, nested tuples, NaN items, tuple subclasses with their own __lt__, and the errors of
# incomparable items.
words = "the quick brown fox jumps over the lazy dog the end fox dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([(1, 2), (1,), (0, 5, 1), (1, 2, 0), (), (0, 5)]))
print(sorted([((1, "b"), 2), ((1, "a"), 3), ((0, "z"), 1), ((1, "a"), 2)]))
nan = float("nan")
print(sorted([(2, nan), (1, 5.0), (2, 1.0), (1, nan)]))
print(sorted([(1.5, "x"), (1, "y"), (True, "a"), (1.0, "b")]))
print(sorted([("b", 1), ("a", 2), ("b", 0)], reverse=True))

class Rev(tuple):
    def __lt__(self, other):
        return tuple(self) > tuple(other)

print(sorted([Rev((1, 2)), Rev((3, 4)), Rev((2, 0))]))
print(sorted([(1, Rev((1,))), (1, Rev((2,)))]))

class Odd:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Odd) and self.v == other.v
    def __lt__(self, other):
        return self.v % 3 < other.v % 3
    def __repr__(self):
        return "Odd(%d)" % self.v

print(sorted([(0, Odd(4)), (0, Odd(2)), (0, Odd(3)), (0, Odd(4))]))
for bad in ([(1, "a"), (1, 2)], [(1, None), (1, None)], [(1, [1]), (1, (1,))]):
    try:
        print(sorted(bad))
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted([(1, None), (0, None)]), sorted([(1, None), (1, None)][:1]))

# == on tuples and strs as dicts, sets and lists use it.
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Key) and self.v % 3 == other.v % 3
    def __hash__(self):
        return 7

d = {("a" * 20, 1): "x", (nan, 2): "n", (Key(1), 3): "o"}
print(d.get(("a" * 20, 1)), d.get(("a" * 20, 1.0)), d.get((nan, 2)), d.get((Key(1), 3)),
      d.get((Key(4), 3)), d.get((Key(2), 3)), d.get(("a" * 20,)), ("a" * 19 + "b", 1) in d)
print(("x" * 16, (1, 2)) in [("x" * 16, (1, 2.0))], ("y" * 16,) in [("y" * 17,)],
      (1, 2) != (1, 2.0), (1, [2]) == (1, [2]), (1, [2]) != (1, [3]))
print(sorted(["é" * 9, "e" * 20, "z" * 16, "ä" * 12, "é" * 8 + "a"]), "b" * 16 < "a" * 17)

class Boom:
    def __eq__(self, other):
        raise ValueError("no eq")
    __hash__ = object.__hash__

try:
    print((1, Boom()) == (1, Boom()))
except ValueError as e:
    print(type(e).__name__, e)
print((1, Boom()) == (2, Boom()), (1, 2) == (1, 2, 3))
