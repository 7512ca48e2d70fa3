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
