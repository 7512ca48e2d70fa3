# Classes derived from set and frozenset: construction with and without an __init__ of their
# own, the derived type kept by the constructors but not by the operators, weak references,
# hashing, and the argument errors CPython gives.
import weakref
class S(set):
    pass
class F(frozenset):
    pass
class I(set):
    def __init__(self, it, tag):
        super().__init__(it)
        self.tag = tag
class NF(frozenset):
    def __init__(self, it):
        self.tag = len(self)
s = S([3, 1, 2])
print(s, type(s), len(s), 2 in s, sorted(s))
s.add(5); s.discard(1); print(sorted(s))
print(type(s | {9}), type(s.copy()), type(s - {3}))
f = F([1, 2]); print(f, type(f), hash(f) == hash(frozenset([1, 2])), f == {1, 2})
i = I([4, 5], "x"); print(sorted(i), i.tag, i.__dict__)
n = NF([7, 8]); print(sorted(n), n.tag)
try:
    NF([7, 8], 3)
except TypeError as e:
    print(e)
print(S(), F(), repr(S()))
r = weakref.ref(s); print(r() is s); del s; print(r())
print(isinstance(i, set), issubclass(F, frozenset))
e = F(); print(e is frozenset(), type(e))
class Loud(set):
    def add(self, x):
        super().add(x * 10)
l = Loud(); l.add(1); l.add(2); print(sorted(l))
print({1, 2} == S([1, 2]), S([1]) < {1, 2})
for bad in [lambda: set([1], [2]), lambda: S(1, 2, 3), lambda: set(x=1), lambda: S([1]).__init__(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(e)
x = {1, 2}; x.__init__([5]); print(x)
class G(F):
    def __init__(self, it):
        pass
print(sorted(G([4, 4, 5])), type(G([1])))
print(frozenset([1]) | F([2]), type(F([1]) | frozenset([2])))
d = {F([1]): 1}; print(d[frozenset([1])])
