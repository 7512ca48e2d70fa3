# set: CPython's iteration order for sets of small ints, including orders that are NOT ascending
# (hash(i) == i, table size 8 -> 32 -> 128..., linear probing). Deterministic in CPython; apython
# matches it only if its set layout does. The other set programs print sorted() where order is not ascending.
print({5, 3, 8, 1}, {8, 1, 3, 5}, {1, 9}, {9, 1}, {0, 8, 16}, {16, 8, 0})
s = set()
for i in [30, 10, 20, 0, 5]:
    s.add(i)
print(s)
print({x * x for x in range(-3, 4)}, {i for i in range(50) if i % 7 == 0})
t = {2, 10, 11, 12}
t &= {11, 10, 2}
print(t, {1, 2, 3} & {3, 2}, {10, 2} | {1})
u = set(range(10))
for i in range(0, 10, 2):
    u.discard(i)
u.add(20)
u.add(4)
print(u, list(u))
popped = []
v = {12, 4, 9, 1}
while v:
    popped.append(v.pop())
print(popped)
print(frozenset({33, 1, 65}), {-1, -2, 0, 1}, {2**61 - 1, 2**61, 1})
