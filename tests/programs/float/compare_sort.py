# float: ordering of floats (incl. -0.0, inf, tiny/huge values), sorting stability with equal keys
vals = [3.5, -1.0, 0.0, -0.0, 1e-300, -1e300, float("inf"), 2.5, float("-inf"), 1.0, 1, True, 2**60, -2]
s = sorted(vals)
print(s)
print(sorted(vals, reverse=True))
print([repr(v) for v in sorted([0.0, -0.0, 0, -0.0, 0.0])])
print(sorted([2.5, 1.5, 2.5, 1.5], key=lambda v: -v))
pairs = [(1.0, "a"), (1, "b"), (True, "c"), (0.5, "d"), (1.0, "e")]
print(sorted(pairs, key=lambda p: p[0]))
print(max(vals), min(vals), max([0.0, -0.0]), max([-0.0, 0.0]))
print(1.1 > 1.1000000000000001, 1.1 == 1.1000000000000001, 0.1 + 0.2 > 0.3)
print(5e-324 > 0, 5e-324 / 2 == 0, 1.7976931348623157e308 < float("inf"))
a = 0.1 * 3
b = 0.3
print(a < b, a > b, a <= b, a >= b, a != b)
for x, y in [(1.0, 2), (2, 1.0), (2**63, 9.223372036854776e18), (2**63 + 1, 9.223372036854776e18)]:
    print(x < y, x <= y, x == y, x > y, x >= y)
print(sorted([0.3, 0.1 + 0.2, 0.30000000000000004, 0.29999999999999993]))
print(sorted(["%.3f" % v for v in [1.2345, 0.5, 10.25]]))
