# dict: dict() constructor from sequences of pairs/mappings/kwargs and its error messages
print(dict([(1, 2), [3, 4], "ab", b"cd"]), dict([(i, i) for i in range(2)]), dict({"a": 1}.items()), dict(a=1, **{"b": 2}))
print(dict([("k", 1), ("k", 2)]), dict({"k": 1}, k=3), dict(zip(range(3), "xyz")), dict(dict(a=1)))
cases = [lambda: dict([(1, 2, 3)]), lambda: dict([1]), lambda: dict(["abc"]), lambda: dict(5), lambda: dict([[1]]),
         lambda: dict({}, {}), lambda: dict([([1], 2)]), lambda: dict(None), lambda: dict(**{1: 2})]
for f in cases:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
