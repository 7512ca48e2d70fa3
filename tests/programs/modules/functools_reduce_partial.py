# _functools (the C half of functools): reduce, partial (repr, attributes, flattening, no method binding), cmp_to_key
from _functools import reduce, partial, cmp_to_key
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [1, 2, 3], 10), reduce(operator.mul, [], 1))
print(reduce(lambda a, b: a + [b], "abc", []), reduce(max, [3, 9, 2]), reduce(operator.add, ["x"]))
print(reduce(operator.add, iter(range(5))), reduce(lambda a, b: b, range(3), None))
for a in [(), (1,), (None, []), (lambda a, b: a, 5), (1, 2, 3, 4), (operator.add, [1, "a"])]:
    try:
        print(reduce(*a))
    except TypeError as e:
        print("TypeError:", e)
try:
    reduce(lambda a, b: a, [], initial=1)
except TypeError as e:
    print("TypeError:", e)

def f(*a, **k):
    return a, k
p = partial(f, 1, 2, x=3)
print(p(), p(4, y=5), p(x=9), p.func is f, p.args, p.keywords)
print(repr(partial(print, 1, sep="-")), repr(partial(len)), repr(partial(max, key=len)))
q = partial(p, 5, z=6)
print(q.func is f, q.args, q.keywords, q())
p.attr = "set"
r = partial(p, 7)
print(r.func is p, r.args, p.__dict__, r())
for attr in ("func", "args", "keywords"):
    try:
        setattr(p, attr, None)
    except AttributeError as e:
        print("AttributeError:", e)
print(partial(int, base=2)("101"), partial(max, key=len)(["a", "bbb", "cc"]), partial(f, a=1)(a=2))
print(type(p).__name__, type(p).__module__, repr(type(p)), callable(p))
class C:
    m = partial(f, "bound?")
    def meth(self):
        return "meth"
print(C().m(1), C.m(2))
class P(partial):
    pass
pp = P(f, 1)
print(repr(pp).split(" at ")[0], pp(2), isinstance(pp, partial))
red = partial(f, 1, k=2).__reduce__()
print(red[0] is partial, red[1][0] is f, red[2][1:])
s = partial(f)
s.__setstate__((f, (9,), {"w": 1}, None))
print(s(), repr(s).startswith("functools.partial(<function f"))
for a, k in [((), {}), ((1,), {}), ((), {"func": print})]:
    try:
        partial(*a, **k)
    except TypeError as e:
        print("TypeError:", e)
rec = partial(f)
rec.__setstate__((f, (rec,), {}, None))
print(repr(rec).count("..."))

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 4, 1, 3], key=cmp_to_key(cmp)), sorted("bca", key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(lambda a, b: len(a) - len(b))
k1, k2 = K("aa"), K("b")
print(k1 < k2, k1 > k2, k1 == K("xy"), k1 != k2, k1 <= K("zz"), k1 >= k2, k1.obj, type(K).__name__)
for expr in (lambda: k1 < 3, lambda: hash(k1), lambda: K(), lambda: cmp_to_key(), lambda: K(1, 2)):
    try:
        expr()
    except TypeError as e:
        print("TypeError:", e)
print(min(["ccc", "a", "bb"], key=cmp_to_key(lambda a, b: len(a) - len(b))))
