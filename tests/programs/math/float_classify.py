# math: isfinite/isinf/isnan on floats and ints, isclose tolerances, nextafter (incl. steps) and ulp
import math
for v in [0.0, 1.0, -1.5, 1e308, math.inf, -math.inf, math.nan, 5e-324, 0, 2**1000, True]:
    print(repr(v) if not isinstance(v, int) or v is True else "int", math.isfinite(v), math.isinf(v), math.isnan(v))
pairs = [(1.0, 1.0), (1.0, 1.0 + 1e-10), (1.0, 1.0 + 1e-8), (0.0, 1e-10), (1e10, 1e10 + 1), (math.inf, math.inf), (math.inf, -math.inf), (math.nan, math.nan), (-0.0, 0.0)]
for a, b in pairs:
    print(a, b, math.isclose(a, b), math.isclose(a, b, rel_tol=1e-5), math.isclose(a, b, abs_tol=1e-9), math.isclose(a, b, rel_tol=0.0, abs_tol=0.0))
for bad in [lambda: math.isclose(1, 1, rel_tol=-1), lambda: math.isclose(1, 1, abs_tol=-0.1), lambda: math.isclose(1), lambda: math.isclose(1, 2, 3)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(0.0, -1.0), math.nextafter(1.0, 1.0))
print(math.nextafter(1.7976931348623157e308, math.inf), math.nextafter(math.inf, 0), math.nextafter(-0.0, 0.0), math.nextafter(1.0, math.nan))
x = 1.0
for _ in range(3):
    x = math.nextafter(x, math.inf)
print(x, x - 1.0, (x - 1.0) / math.ulp(1.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-1.0), math.ulp(1e300), math.ulp(5e-324), math.ulp(math.inf), math.ulp(math.nan), math.ulp(2.0**52))
print(math.ulp(1.0) == 2**-52, math.nextafter(1.0, 2) - 1 == math.ulp(1.0))
