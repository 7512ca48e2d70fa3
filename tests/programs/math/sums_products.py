# math: prod (start, ints/floats), fsum (exact rounding vs sum), hypot with 0..n args, dist between points
import math
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod(range(1, 21)), math.prod([2.5, 4]), math.prod([2], start=10), math.prod([1, 2], start=0.5))
print(math.prod([True, True]), math.prod([10**10] * 5), math.prod([3], start=1))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1.0]), math.fsum([]), math.fsum([1, 2, 3]))
print(math.fsum([0.1, 0.2, 0.3]), math.fsum([1 / 3] * 3), math.fsum(range(101)))
for bad in [[math.inf, -math.inf], [1e308, 1e308]]:
    try:
        print(math.fsum(bad))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
print(math.fsum([math.inf, 1]), math.fsum([math.nan, 1]))
print(math.hypot(), math.hypot(3), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 1, 1, 1), math.hypot(*range(10)), math.hypot(1e200, 1e200))
print(math.hypot(math.inf, math.nan), math.hypot(5e-324, 5e-324), math.hypot(1e-300, 1e-300))
print(math.dist([0, 0], [3, 4]), math.dist((1, 2, 3), (4, 6, 8)), math.dist([], []), math.dist([1.5], [-1.5]))
for label, f in [("dist unequal", lambda: math.dist([1], [1, 2])), ("dist non-seq", lambda: math.dist(1, 2)), ("prod(None)", lambda: math.prod(None)),
                 ("prod(['a', 'b'])", lambda: math.prod(["a", "b"])), ("hypot('x')", lambda: math.hypot("x"))]:
    try:
        print(label, f())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
