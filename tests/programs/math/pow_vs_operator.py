# math: math.pow vs ** vs pow(): return types, exactness for ints, errors where ** gives complex or ZeroDivisionError
import math
for a, b in [(2, 10), (2, -1), (2.0, 0.5), (10, 20), (3, 40), (-8, 3), (0, 0), (-1, 0.5), (0, -1), (2, 1024), (1, math.inf), (-1, math.inf)]:
    row = []
    for label, fn in [("math.pow", math.pow), ("**", lambda x, y: x ** y), ("pow", pow)]:
        try:
            r = fn(a, b)
            row.append(f"{label}={r!r}:{type(r).__name__}")
        except (ValueError, OverflowError, ZeroDivisionError) as e:
            row.append(f"{label}!{type(e).__name__}")
    print(a, b, " ".join(row))
print(3 ** 40 == int(math.pow(3, 40)), 3 ** 40, int(math.pow(3, 40)))
print(math.sqrt(2) ** 2, math.pow(math.sqrt(2), 2), 2 ** 0.5 == math.sqrt(2))
