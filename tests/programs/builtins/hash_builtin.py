# builtins: hash() of ints, floats, bools, tuples, frozensets of ints, and unhashable types (never strings/None)
for v in [0, 1, -1, -2, 2**61 - 1, 2**61, -(2**61), 2**100, 1.0, 1.5, -1.5, 0.5, 1e-300, 1e300, float("inf"), float("-inf"), True, False]:
    print(repr(v), hash(v))
print(hash(-1) == -2, hash(-2) == -2, hash(1.0) == hash(1) == hash(True), hash(2**64) == hash(float(2**64)))
print(hash((1, 2, 3)), hash((1, (2, 3))), hash(()), hash((-1,)), hash((0.5, True)))
print(hash(frozenset()) == hash(frozenset()), hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(range(3)) == hash(range(0, 3)))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)))
for bad in [[], {}, set(), bytearray(), ([],), {"a": 1}.keys()]:
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError:", e)
x = 12345
print(hash(x) == x, hash(x) == hash(12345.0))
