# range: len, indexing, membership (ints, floats, bools), count/index, repr/str, equality by sequence value
for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(0), range(5, 5), range(5, 0), range(-3, 3), range(1, 2, 5)]:
    print(repr(r), str(r), len(r), list(r), bool(r), r[0] if r else None, r[-1] if r else None)
r = range(0, 20, 3)
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, 3.5 in r, True in range(2), "3" in r)
print(r.count(6), r.count(7), r.count(6.0), r.index(9), r.start, r.stop, r.step, range(5).step)
try:
    r.index(10)
except ValueError as e:
    print("ValueError:", e)
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(0, 5, 2) == range(0, 6, 2), range(3) == [0, 1, 2], range(1, 2) == range(1, 5, 10))
print(range(3) != range(4), hash(range(0)) == hash(range(1, 1)), hash(range(0, 5, 2)) == hash(range(0, 6, 2)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)), list(reversed(range(4))), tuple(range(2)))
print(range(10)[3], range(10)[-1], range(-5, 5)[0], range(10, 0, -3)[2])
for i in range(3):
    for j in range(i):
        print((i, j), end=" ")
print()
