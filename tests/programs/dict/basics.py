# dict: literal/constructor forms, lookup, assignment, len, membership, get with default, KeyError repr
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, len(d), d["b"], "a" in d, "z" in d, 1 in d, d.get("z"), d.get("z", 0), d.get("a", 0))
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("k2", "v2")]), dict({"m": 1}, n=2), dict(zip("ab", range(2))), {})
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple", None: "none", "": "empty", b"b": "bytes"})
for k in ["missing", 42, (1, 2), None, ""]:
    try:
        d[k]
    except KeyError as e:
        print("KeyError:", e, repr(e), e.args)
e = {}
for w in "to be or not to be".split():
    e[w] = e.get(w, 0) + 1
print(e)
del d["b"]
print(d, list(d), [k for k in d], [d[k] for k in d])
try:
    del d["b"]
except KeyError as err:
    print("KeyError:", err)
print(d.__len__(), d.__contains__("a"), d.__getitem__("c"), type(d).__name__, bool({}), bool({0: 0}))
big = {i: i * i for i in range(1000)}
print(len(big), big[999], sum(big.values()), 500 in big, 1000 in big)
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], big.get(2), big.get(3))
