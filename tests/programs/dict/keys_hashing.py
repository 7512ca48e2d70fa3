# dict: key equality via hash+eq (1 == 1.0 == True), tuple and frozenset keys, unhashable key errors, nan keys
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d), list(d.keys())[0], type(list(d)[0]).__name__)
d[0] = "zero"
d[-0.0] = "negzero"
d[False] = "false"
print(d)
print({2**64: "big", 2.0**64: "bigfloat"}, {(1, 2): 1, (1.0, 2.0): 2}, {frozenset({1, 2}): "fs"}[frozenset([2, 1])])
print(d.get(1 + 0j), {1j: "c"}[complex(0, 1)], {"é": 1}["\u00e9"])
for k in [[1], {}, {1}, bytearray(b"x"), ([1],)]:
    try:
        d[k] = 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        k in d
    except TypeError as e:
        print("TypeError (in):", e)
nan = float("nan")
n = {nan: 1}
print(n[nan], nan in n, float("nan") in n, len({float("nan"): 1, float("nan"): 2}), len({nan: 1, nan: 2}))
s = {}
for x in [1, 1.0, 2, 2.5, "2", (2,), None, None]:
    s[x] = s.get(x, 0) + 1
print(s)
print({-1: "a", -2: "b"}[-1], {hash(-1): "same?"}.get(-2))
