# dict(d), d.copy() and update() into an empty dict copy the table whole: order, later
# inserts, deleted entries in the source, subclasses, and the source left unchanged.

d = {"k%d" % i: i for i in range(20)}
for i in range(0, 20, 3):
    del d["k%d" % i]
c = dict(d); print(c == d, list(c) == list(d), list(c.items())[:4])
c["new"] = 1; c["k1"] = 99; print(list(c.items())[-3:], d["k1"], len(d), len(c))
e = d.copy(); print(e == d, list(e)[:5], type(e).__name__)
e.update(x=1); print(list(e)[-2:])
f = {}; f.update(d); print(list(f) == list(d))
g = {}; g.update(g); print(g)
empty = dict({}); empty["a"] = 1; print(empty)
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 2): del big[i]
b2 = dict(big); b2[5000] = "x"; print(len(b2), list(b2)[:3], list(b2)[-2:], b2[999], 998 in b2, 999 in b2)
k = dict(zip("abc", range(3))); print(dict(k), k.copy())
it = iter(d)
d2 = dict(d)
print(next(it), list(d2)[:2])
