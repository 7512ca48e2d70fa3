# dict: dict comprehensions (conditions, nested loops, duplicate keys keep last value, inversion, scoping)
sq = {x: x * x for x in range(6)}
print(sq)
print({k: v for k, v in sq.items() if v % 2 == 0})
print({x % 3: x for x in range(10)})
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}
print(inv)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
print({w[0]: [x for x in words if x[0] == w[0]] for w in words})
print({w: len(w) for w in words if "e" in w})
x = "outer"
d = {x: x for x in "ab"}
print(d, x)
nested = {k: {k2: k * k2 for k2 in range(1, 3)} for k in range(1, 4)}
print(nested, nested[3][2])
print({i: chr(65 + i) for i in range(5)}, {str(i): i for i in range(3)}, {} == {k: 1 for k in []})
try:
    {[i]: i for i in range(2)}
except TypeError as e:
    print("TypeError:", e)
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts, sorted(counts, key=counts.get))
