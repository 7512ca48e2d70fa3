# math: functions added in 3.11/3.12: cbrt, exp2, remainder (IEEE), sumprod, nextafter(steps=)
import math
for x in [27.0, -8.0, 2.0, 0.0, -0.0, 1e300, math.inf]:
    print("cbrt", x, math.cbrt(x))
for x in [0, 1, 10, -1, 0.5, 1023, 1024, -1074, -1080]:
    try:
        print("exp2", x, math.exp2(x))
    except OverflowError as e:
        print("exp2", x, "OverflowError:", e)
for a, b in [(10, 3), (11, 3), (-10, 3), (10, -3), (5.5, 2), (7.5, 2), (6.5, 2), (1, math.inf), (3, 2), (0.0, 1)]:
    print("remainder", a, b, math.remainder(a, b), math.fmod(a, b))
for label, f in [("remainder(1, 0)", lambda: math.remainder(1, 0)), ("remainder(inf, 1)", lambda: math.remainder(math.inf, 1))]:
    try:
        print(label, f())
    except ValueError as e:
        print(label, "ValueError:", e)
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([], []), math.sumprod([0.1] * 10, [1] * 10), math.sumprod([1.5, 2], [2, 0.25]), math.sumprod([2**70], [3]))
try:
    math.sumprod([1, 2], [3])
except ValueError as e:
    print("ValueError:", e)
print(math.nextafter(1.0, 2.0, steps=1), math.nextafter(1.0, 2.0, steps=0), math.nextafter(1.0, 0.0, steps=2), math.nextafter(0.0, 1.0, steps=3))
try:
    math.nextafter(1.0, 2.0, steps=-1)
except ValueError as e:
    print("ValueError:", e)
