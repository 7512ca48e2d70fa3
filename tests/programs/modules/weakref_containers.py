# weakref's pure-Python containers over _weakref: WeakValueDictionary, WeakKeyDictionary,
# WeakSet, WeakMethod and finalize.
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "Obj(%s)" % self.name

    def method(self):
        return "method of " + self.name


# WeakValueDictionary: entries vanish with their values
a, b, c = Obj("a"), Obj("b"), Obj("c")
wvd = weakref.WeakValueDictionary()
wvd["a"] = a
wvd["b"] = b
wvd[3] = c
print(len(wvd), sorted(map(str, wvd.keys())), wvd["a"], wvd.get("b"), "a" in wvd)
del b
print(len(wvd), "b" in wvd, wvd.get("b", "gone"), sorted(map(str, wvd)))
try:
    wvd["b"]
except KeyError as e:
    print("KeyError", e)
print(sorted((str(k), v.name) for k, v in wvd.items()), sorted(v.name for v in wvd.values()))
print(wvd.pop(3), len(wvd), wvd.setdefault("z", a) is a, len(wvd))
refs = wvd.valuerefs()
print(len(refs), all(isinstance(r, weakref.ref) for r in refs))
del a
print(len(wvd), dict(wvd))
c2 = Obj("c2")
wvd.update({"x": c2}, y=c2)
print(sorted(wvd.keys()), repr(wvd).startswith("<WeakValueDictionary at"))
copy = wvd.copy()
print(type(copy).__name__, sorted(copy.keys()))
del c2, copy
print(len(wvd))

# WeakKeyDictionary: entries vanish with their keys
k1, k2 = Obj("k1"), Obj("k2")
wkd = weakref.WeakKeyDictionary({k1: 1})
wkd[k2] = 2
print(len(wkd), wkd[k1], k2 in wkd, sorted(k.name for k in wkd.keys()))
del k1
print(len(wkd), [k.name for k in wkd], list(wkd.values()))
print(wkd.pop(k2), len(wkd), wkd.get(k2, "none"))
try:
    wkd[1] = 2
except TypeError as e:
    print("TypeError", e)

# WeakSet
s1, s2, s3 = Obj("s1"), Obj("s2"), Obj("s3")
ws = weakref.WeakSet([s1, s2])
ws.add(s3)
print(len(ws), s1 in ws, Obj("other") in ws, sorted(o.name for o in ws))
del s2
print(len(ws), sorted(o.name for o in ws))
ws.discard(s1)
print(len(ws), s1 in ws)
other = weakref.WeakSet([s1, s3])
print(sorted(o.name for o in ws | other), sorted(o.name for o in other - ws), ws <= other)
ws.clear()
print(len(ws), bool(ws))
try:
    ws.add(1)
except TypeError as e:
    print("TypeError", e)

# WeakMethod
o = Obj("wm")
wm = weakref.WeakMethod(o.method)
print(wm()(), wm() == o.method, wm == weakref.WeakMethod(o.method))
del o
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError", e)

# finalize
def goodbye(name, tag=""):
    print("finalized", name, tag)


f_obj = Obj("fin")
fin = weakref.finalize(f_obj, goodbye, "fin", tag="!")
print(fin.alive, fin.peek()[2:], fin.peek()[1] is goodbye)
del f_obj
print(fin.alive, fin())
g_obj = Obj("early")
fin2 = weakref.finalize(g_obj, goodbye, "early")
print(fin2(), fin2.alive, fin2())
det = weakref.finalize(Obj("detached"), goodbye, "detached")
print(det.alive)

# proxies and refs from the weakref module
p = Obj("px")
pr = weakref.proxy(p)
print(pr.name, weakref.getweakrefcount(p), weakref.ref(p)() is p, weakref.ReferenceType is weakref.ref)
print(weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
