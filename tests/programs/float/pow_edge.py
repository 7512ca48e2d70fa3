# float: ** edge cases: zero/negative bases, inf, nan, fractional powers of negatives (complex)
def p(a, b):
    try:
        r = a ** b
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(repr(a), "**", repr(b), "->", type(e).__name__ + ":", e)
    else:
        print(repr(a), "**", repr(b), "->", repr(r))

inf, nan = float("inf"), float("nan")
for a, b in [(0.0, 0.0), (0.0, 1.0), (0.0, -1.0), (-0.0, -1.0), (0.0, -2), (0, -1.0), (-0.0, 3.0), (-0.0, 0.5),
             (2.0, 0.5), (2.0, -1), (2.0, 1024), (2.0, 1023), (-2.0, 1023), (10.0, 308), (10.0, 309), (10.0, -400),
             (-8.0, 1 / 3), (-8, 1 / 3), (-1.0, 0.5), (-2.0, 0.5), (-2.0, 2.0), (-2.0, 3.0), (-2.0, -2.0),
             (1.0, inf), (1.0, nan), (nan, 0.0), (-1.0, inf), (0.5, inf), (2.0, inf), (2.0, -inf), (0.5, -inf),
             (inf, 0.0), (inf, -1.0), (-inf, 3.0), (-inf, 2.0), (-inf, -3.0), (nan, 1.0), (inf, 0.5), (1.5, 2),
             (4, 0.5), (2, -2), (1e308, 2), (1e-308, 2), (1e-320, 0.5), (2, 1e10)]:
    p(a, b)
print(pow(2.0, 3), pow(-2.0, 3), pow(9.0, 0.5), pow(4, -0.5))
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print("TypeError:", e)
print(type(2 ** 0.5), type((-8) ** (1 / 3)))
