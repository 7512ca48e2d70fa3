# int: hash() of ints follows CPython's modulus 2**61-1 scheme; hash(-1) == -2; floats agree
M = 2**61 - 1
for v in [0, 1, -1, -2, 2, 100, -100, 2**31, 2**61 - 2, 2**61 - 1, 2**61, 2**62, 2**63 - 1, -(2**63), 2**64, 10**30, -(10**30), 2**122, -(2**61 - 1)]:
    print(v, hash(v))
print(hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2.0**70) == hash(2**70), hash(-0.0), hash(0.0))
print(hash(1.5), hash(-1.5), hash(0.1), hash(1e300), hash(float("inf")), hash(float("-inf")))
print(hash(2.5) == hash(5 / 2), hash(1e100) == hash(int(1e100)))
print(hash((1, 2)), hash(()), hash((1,)), hash((1, (2, 3))), hash((-1,)), hash((True, 0)))
print(hash((1, 2)) == hash((1.0, 2.0)))
ok = True
for v in range(-1000, 1000):
    if hash(v) != (v if v != -1 else -2):
        ok = False
print(ok)
print(all([hash(v) == v % M for v in [M + 5, 3 * M + 7, 2**100]]))
print(hash(-(2**100)) == -((2**100) % M))
print(hash(10**18), hash(1 << 61), hash(-(1 << 61)))
