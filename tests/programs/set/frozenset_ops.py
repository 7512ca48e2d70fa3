# set: frozenset is hashable (dict keys, set members), equals a set with same elements, immutability errors
fs = frozenset([3, 1, 2])
print(fs, frozenset(), frozenset("aa") == frozenset({"a"}), len(fs), 2 in fs, repr(frozenset({1})))
d = {fs: "value", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()], fs == {1, 2, 3}, hash(fs) == hash(frozenset({3, 2, 1})))
nested = {frozenset({1}), frozenset({1, 2}), frozenset({1})}
print(len(nested), frozenset({1}) in nested, {1} in nested)
try:
    {{1}}
except TypeError as e:
    print("TypeError:", e)
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(frozenset(fs) == fs, frozenset(range(5)) - {0}, frozenset({1, 2}) | frozenset({3}))
power = [frozenset()]
for x in [1, 2, 3]:
    power += [p | {x} for p in power]
print(len(power), sorted([sorted(p) for p in power]))
print(hash(frozenset()) == hash(frozenset([])), type(frozenset({1}) & {1}).__name__, type({1} & frozenset({1})).__name__)
