# dict: fromkeys (shared default value), | and |= merges (right wins, order), and merges with non-dicts
print(dict.fromkeys(["a", "b"]), dict.fromkeys("xy", 0), dict.fromkeys(range(3), "v"), dict.fromkeys([]))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared, shared["p"] is shared["q"])
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a | {}, {} | a, a)
c = a
c |= b
print(c, a, c is a)
a |= [("w", 0)]
print(a)
a |= {"x": -1}.items()
print(a)
for f in [lambda: {"a": 1} | [("b", 2)], lambda: [("b", 2)] | {"a": 1}, lambda: {"a": 1} | None]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
try:
    d = {}
    d |= 5
except TypeError as e:
    print("TypeError:", e)
merged = {}
for part in [{"k": 1}, {"k": 2, "j": 1}, {"i": 0}]:
    merged = merged | part
print(merged, {**a, **b, "extra": True}, {**{}, **{1: 2}})
