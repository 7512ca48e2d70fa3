# tuple: lexicographic comparisons (length and element order), equality across numeric types, hashing, sorting
pairs = [((1, 2), (1, 2)), ((1, 2), (1, 3)), ((1, 2), (1, 2, 0)), ((), (0,)), ((2,), (1, 9, 9)), ((1, "a"), (1, "b")),
         ((1, 2.0), (1, 2)), ((0, float("nan")), (0, float("nan"))), (("a", 1), ("a", 1.5))]
for a, b in pairs:
    print(a, b, a < b, a <= b, a == b, a != b, a > b, a >= b)
print((1, 2) == [1, 2], (1,) != [1], () == (), (1, (2, 3)) == (1, (2, 3)))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print((1, "x") < (2, 0), (1, None) == (1, None))
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(tuple()), hash((1, (2, 3))) == hash((1, (2, 3))))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
pts = [(3, 1), (1, 2), (3, 0), (1, 1), (2, 5)]
print(sorted(pts), sorted(pts, reverse=True), max(pts), min(pts), sorted(pts, key=lambda p: p[1]))
d = {(0, 0): "origin", (1, 0): "x"}
print(d[(0, 0)], d[1, 0], (1.0, 0) in d, (True, False) in d)
