# dict: equality ignores insertion order, compares values with ==, no ordering comparisons; views equality
a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, list(a) == list(b), a == {"x": 1}, a == {"x": 1, "y": 2.0}, {1: [1]} == {1: [1]}, {} == {})
print(a == [("x", 1), ("y", 2)], a == dict([("x", 1), ("y", 2)]), {1: "a"} == {True: "a"}, {0: 0} == {0.0: -0.0})
for op in ["<", "<=", ">", ">="]:
    try:
        if op == "<":
            a < b
        elif op == "<=":
            a <= b
        elif op == ">":
            a > b
        else:
            a >= b
    except TypeError as e:
        print("TypeError:", e)
nan = float("nan")
n1 = {"k": nan}
print(n1 == n1, n1 == {"k": nan}, n1 == {"k": float("nan")})
try:
    sorted([{"a": 1}, {"b": 2}])
except TypeError as e:
    print("TypeError:", e)
print(sorted([{"a": 2}, {"a": 1}], key=lambda d: d["a"]), max([{"n": 3}, {"n": 7}], key=lambda d: d["n"]))
print({"a": 1}.items() == {("a", 1)}, {"a": 1}.keys() == {"a"}, {"a": 1}.values() == {"a": 1}.values())
