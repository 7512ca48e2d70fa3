# dict: nested dicts, grouping/counting patterns, setdefault accumulation, walking a nested structure
records = [("fruit", "apple", 3), ("veg", "kale", 1), ("fruit", "pear", 5), ("veg", "leek", 2), ("fruit", "apple", 4), ("nut", "pecan", 9)]
groups = {}
for cat, name, qty in records:
    groups.setdefault(cat, {}).setdefault(name, []).append(qty)
print(groups)
totals = {cat: sum([sum(v) for v in names.values()]) for cat, names in groups.items()}
print(totals, max(totals, key=totals.get), sorted(totals.items(), key=lambda kv: kv[1]))
tree = {"a": {"b": {"c": 1, "d": [2, 3]}, "e": 4}, "f": {}}
def walk(node, path=()):
    if isinstance(node, dict):
        for k, v in node.items():
            paths.append("/".join(path + (k,)))
            walk(v, path + (k,))
paths = []
walk(tree)
print(paths)
print(tree["a"]["b"]["d"][1], tree.get("f").get("x", "none"), tree["a"].get("z", {}).get("q"))
tree["a"]["b"]["c"] += 10
tree["f"]["new"] = {"deep": True}
print(tree)
matrix = {}
for i in range(3):
    for j in range(3):
        matrix.setdefault(i, {})[j] = i * 3 + j
print(matrix, [matrix[i][i] for i in range(3)])
inv = {}
for k, v in {"a": 1, "b": 2, "c": 1, "d": 3, "e": 2}.items():
    inv.setdefault(v, []).append(k)
print(inv)
