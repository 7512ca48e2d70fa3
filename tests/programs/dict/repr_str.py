# dict: repr/str of dicts with various key/value types, nesting, empty, recursive references
print({}, {"a": 1}, {1: "a", 2.5: None, (1,): [], None: {}, True: False, "q'": 'd"'})
print(str({"k": "v"}), repr({"k": "v"}), {"nested": {"deeper": {"deepest": []}}}, {b"b": 1j})
d = {"self": 1}
d["self"] = d
print(d)
e = {"list": [1, 2]}
e["list"].append(e)
print(e)
print({i: str(i) * i for i in range(4)}, {"é": "日", "🐍": "\n"}, {-0.0: 1e100}, {2**70: 1.5})
print(list({"a": 1}.items()), {"a": 1}.keys(), {"a": 1}.values(), {"a": 1}.items(), {}.items())
print(f"{ {'x': 1} }", "{}".format({"y": 2}), "%s" % {"z": 3}, "%r" % ({"w": 4},))
