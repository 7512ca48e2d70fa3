# math: degrees/radians conversions, round trips and exact values at common angles
import math
for d in [0, 30, 45, 60, 90, 180, 270, 360, -90, 720, 1e-10, 1e300]:
    r = math.radians(d)
    print(d, r, math.degrees(r), math.degrees(r) == d)
for r in [0.0, math.pi / 6, math.pi / 4, math.pi, 2 * math.pi, 1.0, -0.0]:
    print(repr(r), math.degrees(r))
print(math.radians(math.inf), math.degrees(-math.inf), math.isnan(math.radians(math.nan)), type(math.radians(180)).__name__)
deg = [math.degrees(math.atan2(y, x)) for x, y in [(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)]]
print(deg)
