# dict: keys/values/items views: live updates, len, membership, set operations on keys/items, reversed, repr
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
d["d"] = 4
del d["a"]
print(k, v, i)
print("b" in k, 2 in v, ("b", 2) in i, ("b", 3) in i, "zz" in k, ("b", 2.0) in i)
print(sorted(k & {"b", "x"}), sorted(k | {"x"}), sorted(k - {"b"}), sorted(k ^ {"b", "y"}), k == {"b", "c", "d"}, k <= {"b", "c", "d", "e"})
print(sorted(i & {("b", 2), ("c", 0)}), sorted(i - {("b", 2)}), k.isdisjoint({"q"}), k.isdisjoint(["c"]))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), sorted(v), sum(v), max(k))
print(type(k).__name__, type(v).__name__, type(i).__name__, list(k) == list(d), v == v)
it = iter(k)
print(next(it))
d["e"] = 5
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
e = {1: "x"}
print(e.keys() == {1}, e.items() == {(1, "x")}, e.values() == ["x"], {}.keys() == set(), {1: 2}.keys() == {1: 3}.keys())
for key, val in d.items():
    print(key, val, end="; ")
print()
try:
    {}.keys()[0]
except TypeError as err:
    print("TypeError:", err)
try:
    hash(d.keys())
except TypeError as err:
    print("TypeError:", err)
