# list: what for-loops see when the list is mutated during iteration (index-based list iterator semantics)
a = [1, 2, 3, 4, 5, 6]
seen = []
for x in a:
    seen.append(x)
    if x % 2 == 0:
        a.remove(x)
print(seen, a)
b = [1, 2, 3]
out = []
for x in b:
    out.append(x)
    if len(b) < 6:
        b.append(x * 10)
print(out, b)
c = [0, 1, 2, 3]
it = iter(c)
print(next(it), next(it))
c.insert(0, -1)
print(next(it), list(it))
d = [1, 2, 3]
it = iter(d)
d.clear()
print(list(it))
e = [1, 2, 3]
it = iter(e)
print(list(it), list(it))
e.append(4)
print(list(it))
f = list(range(10))
for i, v in enumerate(f):
    if v == 3:
        del f[i]
print(f)
g = [5, 6, 7]
r = reversed(g)
print(next(r))
g.pop()
print(list(r))
