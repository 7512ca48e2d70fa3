# range: arbitrary-precision bounds: indexing, slicing, membership, index/count, iteration,
# reversed, equality, hash, and the i64 edges
B = 2**64
r = range(B, B + 10, 3)
print(r, len(r), r[0], r[-1], r[1:3], r[::-1], list(r), list(reversed(r)), r.start, r.stop, r.step)
print(B + 3 in r, B + 4 in r, B in r, 3 in r, (B + 3.0) in r, r.index(B + 6), r.count(B + 9), r.count(B + 1))
print(r.index(B + 6.0), r.count(B + 3.0), type(iter(r)).__name__, type(reversed(r)).__name__)
for bad in [B + 1, 0, "x"]:
    try:
        r.index(bad)
    except ValueError as e:
        print("ValueError:", e)
h = range(-(2**100), 2**100, 2**98)
print(len(h), h[0], h[-1], h[3], h[-8], h[2:5], h[::3], h[::-2], list(h[6:]), bool(h), bool(h[3:3]))
for i in [8, -9, 2**70, -(2**70)]:
    try:
        h[i]
    except IndexError as e:
        print("IndexError:", e)
try:
    range(5)[2**70]
except IndexError as e:
    print("IndexError:", e)
try:
    h[1.5]
except TypeError as e:
    print("TypeError:", e)
huge = range(2**200)
print(huge[2**199], huge[-1] == 2**200 - 1, huge[2**100:2**100 + 3], huge[::2**150], list(huge[:3]), huge[-3:][1])
for f in [len, lambda x: x.__len__()]:
    try:
        f(huge)
    except OverflowError as e:
        print("OverflowError:", e)
print(huge == range(0, 2**200), huge != range(1, 2**200), range(2**70, 2**70) == range(0), range(B, B + 1) == range(B, B + 1, 7))
print(hash(huge) == hash(range(2**200)), hash(range(B, B)) == hash(range(0)), hash(range(B, B + 1)) == hash(range(B, B + 1, 5)))
print(range(2**63 - 1, 2**63 + 1), list(range(2**63 - 2, 2**63 + 1)), list(range(-(2**63) + 1, -(2**63) - 2, -1)))
print(len(range(-(2**63), 2**63 - 1, 3)), range(-(2**63), 2**63 - 1, 3)[-1], list(range(0, 2**63 - 1, 2**62)))
try:
    len(range(-(2**63), 2**63 - 1))
except OverflowError as e:
    print("OverflowError:", e)
print(list(reversed(range(-(2**63), 2**63 - 1, 2**62))), list(reversed(range(5, 2**64, 2**62))))
print(range(0, 2**63 - 1, 2**62)[:], range(0, 2**63 - 1, 2**62)[::-1], type(iter(range(0, 2**63 - 1, 2))).__name__)
print(range(10)[::2**70], range(10)[2**70:], range(10)[-(2**70):3], range(10)[:-(2**70):-1])
it = iter(range(B - 1, B + 2))
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
it = iter(range(2**70))
print(next(it), next(it), it.__length_hint__())
total = 0
for x in range(B, B + 5):
    total += x
print(total, sum(range(B, B + 100, 7)), max(range(-B, B, B // 3)), min(range(B, -B, -(B // 3))))
print(range(True, B)[1], range(B)[True], range(-B, B)[False], B - 1 in range(B), -1 in range(B), True in range(B))

print(slice(2**70).indices(10), slice(-(2**70), 2**70).indices(4), slice(None, None, 2**70).indices(3), slice(1, 5).indices(2**80))
for args in [(-1,), ("x",)]:
    try:
        slice(1).indices(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(hash(slice(1, 2)) == hash(slice(1, 2)), hash(slice(1, 2)) != hash(slice(2, 1)), len({slice(1), slice(1), slice(2)}))
try:
    hash(slice([], 1))
except TypeError as e:
    print("TypeError:", e)
