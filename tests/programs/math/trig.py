# math: sin/cos/tan/asin/acos/atan/atan2 at key angles, signed zeros, quadrants of atan2, domain errors
import math
for x in [0.0, -0.0, math.pi / 6, math.pi / 4, math.pi / 3, math.pi / 2, math.pi, 3 * math.pi / 2, 2 * math.pi, 1.0, -1.0, 1e-10, 100.0, 1e22]:
    print(repr(x), math.sin(x), math.cos(x), math.tan(x))
for x in [-1.0, -0.5, 0.0, -0.0, 0.5, 1.0, math.sqrt(2) / 2]:
    print(repr(x), math.asin(x), math.acos(x), math.atan(x))
print(math.atan(math.inf), math.atan(-math.inf), math.atan(1e300))
for y, x in [(0.0, 1.0), (1.0, 0.0), (0.0, -1.0), (-0.0, -1.0), (-1.0, 0.0), (1.0, 1.0), (-1.0, -1.0), (0.0, 0.0), (-0.0, 0.0), (0.0, -0.0),
             (math.inf, math.inf), (-math.inf, -math.inf), (1.0, math.inf), (1.0, -math.inf), (math.inf, 1.0)]:
    print("atan2", y, x, math.atan2(y, x))
for label, f in [("asin(2)", lambda: math.asin(2)), ("acos(-1.5)", lambda: math.acos(-1.5)), ("sin(inf)", lambda: math.sin(math.inf)),
                 ("cos(-inf)", lambda: math.cos(-math.inf)), ("tan(inf)", lambda: math.tan(math.inf)), ("sin(nan)", lambda: math.sin(math.nan))]:
    try:
        print(label, f())
    except ValueError as e:
        print(label, "ValueError:", e)
print(math.sin(math.pi) < 1e-15, abs(math.cos(math.pi / 2)) < 1e-16, math.sin(1) ** 2 + math.cos(1) ** 2)
