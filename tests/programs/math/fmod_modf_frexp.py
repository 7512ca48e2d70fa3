# math: fabs, fmod (sign of dividend, unlike %), modf, frexp/ldexp round trips, copysign incl. signed zero/nan
import math
for x, y in [(7.0, 3.0), (-7.0, 3.0), (7.0, -3.0), (-7.0, -3.0), (5.5, 2.0), (1e300, 3.0), (0.0, 1.0), (-0.0, 1.0), (1.0, math.inf), (3, 2)]:
    print(x, y, math.fmod(x, y), x % y)
for x in [0.0, -0.0, 1.5, -1.5, 3.0, 1e20, 5e-324, math.inf, -math.inf, 2**60]:
    print(repr(x), math.fabs(x), math.modf(x), math.frexp(x))
for m, e in [(0.5, 1), (0.5, 1024), (0.5, 1025), (1.0, -1074), (1.0, -1075), (-0.75, 10), (3, 2), (0.0, 5000)]:
    try:
        print(m, e, math.ldexp(m, e))
    except OverflowError as err:
        print(m, e, "OverflowError:", err)
for x in [1.0, 0.1, 123.456, 1e-310, 2**70 + 0.0]:
    mant, ex = math.frexp(x)
    print(x, mant, ex, math.ldexp(mant, ex) == x)
print(math.copysign(3, -0.0), math.copysign(-3, 0.0), math.copysign(0.0, -1), math.copysign(math.inf, -2), math.copysign(1, math.nan), math.copysign(1, -math.nan))
for label, f in [("fmod(1, 0)", lambda: math.fmod(1, 0)), ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)), ("ldexp(1, 1.5)", lambda: math.ldexp(1, 1.5)), ("fabs('x')", lambda: math.fabs("x"))]:
    try:
        print(label, f())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__ + ":", e)
print(math.fabs(-2**70), type(math.fabs(-3)).__name__, math.modf(-0.0), math.fmod(-0.0, 5))
