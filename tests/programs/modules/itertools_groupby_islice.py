# itertools: groupby (shared iterator, stale groups, key functions), islice argument forms and errors, tee and __copy__
import itertools
from itertools import groupby, islice, tee, count

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")], [list(g) for k, g in groupby([])])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda x: x // 3)])
print([(k, len(list(g))) for k, g in groupby(["a", "bb", "cc", "d", "ee"], len)])
# Groups share the underlying iterator: advancing the groupby invalidates earlier groups.
gb = groupby("aaabbbcc")
k1, g1 = next(gb)
k2, g2 = next(gb)
print(k1, list(g1), k2, list(g2))
gb = groupby("aaabbbcc")
k1, g1 = next(gb)
print(next(g1))
k2, g2 = next(gb)
print(k2, next(g2), list(g1), list(g2))
groups = list(groupby("xxyyz"))
print([(k, list(g)) for k, g in groups])
gb = groupby([1, 1, 2])
k, g = next(gb)
print(list(g), list(g), next(gb)[0])
print(type(g).__name__, type(gb).__name__)
try:
    list(groupby([1, 2], key=lambda x: 1 / 0))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
class Key:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v % 2 == other.v % 2
print([(k.v, [x.v for x in g]) for k, g in groupby([Key(1), Key(3), Key(2), Key(4), Key(5)])])

print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(20), 2, 15, 4)), list(islice(range(5), None)))
print(list(islice(range(10), None, None, 3)), list(islice(range(10), 3, 3)), list(islice(range(10), 5, 2)))
print(list(islice(count(), 3, 10, 3)), list(islice([], 5)), list(islice(range(3), 10)))
it = iter(range(10))
print(list(islice(it, 3)), next(it), list(islice(it, 1, 3)), next(it))
s = islice(range(10), 2, 8, 2)
print(iter(s) is s, next(s), list(s), list(s))
for args in [(), ([],), ([], -1), ([], -5), ([], "a"), ([], 1, -1), ([], -1, 3), ([], "a", 3), ([], 0, -5),
             ([], None, None, 0), ([], 0, 1, -1), ([], 0, 5, "x"), ([], 1, 2, 3, 4), ([], 1.5), ([], 2**64),
             ([], 0, 2**64), ([], 0, 5, 2**64), (5, 1)]:
    try:
        print(list(islice(*args)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    islice([], stop=3)
except TypeError as e:
    print("TypeError:", e)

a, b = tee(range(5))
print(next(a), next(a), list(b), list(a))
a, b, c = tee("abc", 3)
print(list(a), list(b), list(c), tee([], 0), len(tee([1])), len(tee([1], 1)))
a, b = tee(iter([1, 2, 3]))
c = a.__copy__()
print(next(a), next(c), list(b), list(a), list(c))
t1, t2 = tee(range(200))
print(sum(t1), sum(t2), type(t1).__name__)
x, y = tee(count())
print([next(x) for _ in range(100)][-1], next(y), next(y))
# tee of a tee copies instead of wrapping.
p, q = tee([1, 2])
r, s = tee(p)
print(type(r) is type(p), r is p, list(r), list(s), list(q))
try:
    tee([], -1)
except ValueError as e:
    print("ValueError:", e)
try:
    tee(5)
except TypeError as e:
    print("TypeError:", e)
def reenter():
    yield next(t[0])
t = tee(reenter())
try:
    next(t[0])
except RuntimeError as e:
    print("RuntimeError:", e)
except ValueError as e:
    print("ValueError:", e)
