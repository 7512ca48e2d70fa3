# dict: changing size during iteration raises RuntimeError; changing values is fine; safe patterns with list(d)
d = {i: i for i in range(5)}
try:
    for k in d:
        if k == 2:
            d[10] = 10
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
for k in d:
    d[k] = d[k] * 100
print(d)
for k in list(d):
    if k % 2:
        del d[k]
print(d)
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
e = {"a": 1, "b": 2}
try:
    for v in e.values():
        e["c"] = 3
except RuntimeError as err:
    print("RuntimeError:", err)
f = {"x": 1, "y": 2}
it = iter(f)
print(next(it))
f["z"] = 3
try:
    print(next(it))
except RuntimeError as err:
    print("RuntimeError:", err)
g = {1: 1, 2: 2}
for k in g:
    g[k] += 1
    g.update({k: g[k]})
print(g)
