# float: round() with and without ndigits: half-even on exact halves, binary representation effects
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.4999999999999999, 2.4999, 2.5000001, 1e16 + 0.0, -0.2]:
    r = round(v)
    print(repr(v), r, type(r).__name__)
for v, n in [(2.675, 2), (2.665, 2), (1.005, 2), (0.125, 2), (0.375, 2), (1.25, 1), (1.35, 1), (1234.5678, -2),
             (1234.5678, -3), (-1234.5678, 1), (5e-324, 300), (1e300, -301), (1.5, 0), (-1.5, 0), (0.5, 0),
             (12345.6789, 10), (12345.6789, -10), (1e22, -22), (0.1, 17), (0.1, 30), (-0.0, 2), (3.14159, 3)]:
    r = round(v, n)
    print(repr(v), n, repr(r), type(r).__name__)
inf, nan = float("inf"), float("nan")
print(round(inf, 2), round(nan, 1), round(-inf, -2))
for v in [inf, -inf, nan]:
    try:
        round(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(round(1e300), round(-1.7976931348623157e308) < 0)
print(round(2.5, None), type(round(2.5, None)))
