# dict: insertion order preserved across updates, deletions, re-insertions, pops and copies
d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(list(d), list(d.values()))
d["a"] = 100
print(list(d.items()))
del d["z"]
d["z"] = -1
print(list(d.items()))
d.pop("m")
d.update({"m": 5, "new": 6, "a": 7})
print(list(d.items()))
d.setdefault("b", 99)
d.setdefault("later", 0)
print(list(d.items()))
c = d.copy()
c["first?"] = 1
print(list(c)[-1], list(d) == list(c)[:-1])
n = {}
for i in range(50):
    n[i * 7 % 50] = i
for i in range(0, 50, 3):
    del n[i]
print(list(n)[:12], len(n))
for i in range(0, 50, 3):
    n[i] = "back"
print(list(n)[-5:], list(n)[:5])
r = dict(reversed(list(d.items())))
print(list(r), list(reversed(d)), list(reversed(d.values())), list(reversed(d.items()))[:2])
print(dict.fromkeys("hello"), list(dict.fromkeys([3, 1, 3, 2, 1])))
