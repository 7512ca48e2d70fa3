# set: set-based algorithms (graph reachability, dedupe preserving order, anagram classes, sieve with sets)
edges = {0: [1, 2], 1: [3], 2: [3, 4], 3: [5], 4: [], 5: [1], 6: [0]}
def reach(start):
    seen = {start}
    todo = [start]
    while todo:
        n = todo.pop()
        for m in edges[n]:
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen
print(reach(0), reach(4), reach(6), reach(3))
seen = set()
order = []
for x in [5, 3, 5, 1, 3, 9, 1]:
    if x not in seen:
        seen.add(x)
        order.append(x)
print(order, seen)
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
classes = {}
for w in words:
    classes.setdefault(frozenset(w), []).append(w)
print(sorted([sorted(v) for v in classes.values()]))
a = set(range(0, 30, 2))
b = set(range(0, 30, 3))
print(a & b, sorted(a ^ b)[:8], len(a | b), sorted((a - b) & {4, 6, 8}))
common = set("the quick brown fox".split()) & set("the lazy brown dog".split())
print(sorted(common))
