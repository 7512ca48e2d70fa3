# dict: get/setdefault/pop/popitem/update/clear/copy with their defaults, return values and errors
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("x"), d.get("x", "dflt"), d.setdefault("a", 9), d.setdefault("x"), d.setdefault("y", []), d)
d["y"].append(1)
print(d.pop("x"), d.pop("nope", "fallback"), d.pop("y"), d)
print(d.popitem(), d.popitem(), d)
d.update({"m": 1}, n=2)
d.update([("o", 3), ("p", 4)])
d.update(q=5)
d.update()
d.update({})
print(d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is not d)
d.clear()
print(d, c)
for f in [lambda: {}.popitem(), lambda: {}.pop("k"), lambda: {}.update(5), lambda: {}.update([1]), lambda: {}.update([(1, 2, 3)]),
          lambda: {}.get(), lambda: {}.setdefault(), lambda: {}.pop(), lambda: {}.update({}, {}), lambda: {}.get([]), lambda: {}.copy(1)]:
    try:
        f()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
stack = {i: str(i) for i in range(5)}
order = []
while stack:
    order.append(stack.popitem())
print(order)
nested = {"l": [1]}
shallow = nested.copy()
shallow["l"].append(2)
print(nested)
