class P:
    def __init__(self, x, y):
        self.x = x; self.y = y
p = P(1, 2)
print(p.x, p.y, p.__dict__)
q = P(3, 4); q.z = 5; del q.x; print(q.__dict__, vars(q))
q.x = 9; print(q.__dict__)
r = P(1, 2); del r.x; r.x = 7; print(r.__dict__); r.w = 1; print(r.__dict__)
class Q(P):
    __slots__ = ('s',)
o = Q(1, 2); o.s = 3; print(o.s, o.x)
class Many:
    pass
m = Many()
for i in range(40): setattr(m, 'a%d' % i, i)
print(len(m.__dict__), m.a39, m.a5)
m2 = Many(); m2.a3 = 1; m2.b = 2; print(m2.__dict__)
try: del m2.zz
except AttributeError as e: print(e)
class D:
    def __del__(self): print('del', self.__dict__)
d = D(); d.a = 1; del d
p.__dict__ = {'k': 1}; print(p.k, p.__dict__)
try: p.__dict__ = 3
except TypeError as e: print(e)
print(getattr(p, 'x', 'nox'))
# Attribute order per instance follows insertion even when instances differ.
class V:
    pass
a = V(); a.p = 1; a.q = 2
b = V(); b.q = 1; b.p = 2
print(a.__dict__, b.__dict__)
# A class attribute shadowed by an instance attribute, then a data descriptor added later.
class W:
    val = 'class'
w = W(); print(w.val); w.val = 'inst'; print(w.val)
W.val = property(lambda self: 'prop')
print(w.val, w.__dict__)
del W.val
print(w.val)
# Many instances, attribute added late to some.
objs = [V() for _ in range(5)]
for i, o in enumerate(objs):
    o.i = i
    if i % 2:
        o.odd = True
print([sorted(o.__dict__) for o in objs])
print(hasattr(objs[0], 'odd'), objs[1].odd)
