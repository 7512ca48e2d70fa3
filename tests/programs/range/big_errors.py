# range: huge ranges (beyond 64 bits), len() overflow, constructor errors and float arguments
big = range(2**64)
print(big[-1], big[2**63], 2**63 in big, -1 in big, big.index(12345), big.count(2**64 - 1), repr(big))
h = range(-(2**70), 2**70, 2**68)
print(len(h), h[3], list(h)[:3], (2**68) in h, (2**68 + 1) in h)
try:
    len(range(2**64))
except OverflowError as e:
    print("OverflowError:", e)
try:
    len(range(-(2**63), 2**63))
except OverflowError as e:
    print("OverflowError:", e)
print(len(range(2**62)), range(2**63 - 1)[-1], bool(range(2**100)), range(2**100)[10])
for args in [(1.5,), ("3",), (1, 2, 0), (None,), (1, 2, 3, 4), ()]:
    try:
        print(range(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(range(True), range(False, 3), list(range(3, -3, -2)))
try:
    range(3).start = 5
except AttributeError as e:
    print("AttributeError:", e)
it = iter(range(2**64 - 2, 2**64 + 1))
print(next(it), next(it), next(it), next(it, "stop"))
