# lang (phase 3): arithmetic/comparison dunders, reflected ops, in-place ops, NotImplemented fallbacks, __hash__ with __eq__
class V:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return "V" + repr(self.c)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*[a + b for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[a + o for a in self.c])
        return NotImplemented
    __radd__ = __add__
    def __mul__(self, k):
        return V(*[a * k for a in self.c]) if isinstance(k, (int, float)) else NotImplemented
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return V(*[-a for a in self.c])
    def __abs__(self):
        return sum([a * a for a in self.c]) ** 0.5
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __hash__(self):
        return hash(self.c)
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __iadd__(self, o):
        self.c = (self + o).c
        return self
    def __bool__(self):
        return any(self.c)
a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 2 * a, -a, abs(b), a == V(1, 2), a != b, a < b, b > a, sorted([b, a]))
print(hash(a) == hash(V(1, 2)), len({a, V(1, 2), b}), bool(V(0, 0)), bool(a))
alias = a
a += b
print(a, alias is a)
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    a < 5
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
print(NoHash() == 1, 1 == NoHash(), NoHash() != 2)
