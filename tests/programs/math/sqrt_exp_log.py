# math: sqrt/exp/expm1/log(with base)/log2/log10/log1p/pow: values, exact cases, big ints, domain and range errors
import math
for x in [0.0, 1.0, 2.0, 4.0, 0.25, 1e-300, 1e300, 2**1000]:
    print(repr(x) if not isinstance(x, int) else "int", math.sqrt(x), math.log(x) if x else "-", math.log2(x) if x else "-", math.log10(x) if x else "-")
print(math.sqrt(2), math.sqrt(-0.0), math.sqrt(math.inf), math.exp(0), math.exp(1), math.exp(-1), math.exp(709), math.exp(-745), math.exp(-746))
print("10**400:", math.log(10**400), math.log2(10**400), math.log10(10**400), math.log(2**5000, 2), math.log10(-(-10**400)))
print(math.expm1(1e-10), math.exp(1e-10) - 1, math.log1p(1e-10), math.log(1 + 1e-10), math.expm1(0.0), math.log1p(-0.5))
print(math.log(8, 2), math.log(100, 10), math.log(1000, 10), math.log(2, 8), math.log(10**100, 10), math.log(7, 7), math.log(1, 3))
print(math.log2(8), math.log2(2**100), math.log2(3), math.log10(1000), math.log10(10**50), math.log10(0.001))
print(math.pow(2, 10), math.pow(2, -1), math.pow(-8, 3), math.pow(0, 0), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.exp(math.inf), math.exp(-math.inf), math.log(math.inf), math.sqrt(16), type(math.sqrt(16)).__name__)
cases = [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-1)", lambda: math.log(-1)), ("log(0.0)", lambda: math.log(0.0)),
         ("log2(0)", lambda: math.log2(0)), ("log10(-5)", lambda: math.log10(-5)), ("log1p(-1)", lambda: math.log1p(-1)),
         ("log(1, 1)", lambda: math.log(1, 1)), ("log(2, 1)", lambda: math.log(2, 1)), ("log(2, 0)", lambda: math.log(2, 0)),
         ("log(-(10**400))", lambda: math.log(-(10**400))), ("exp(1000)", lambda: math.exp(1000)), ("expm1(1000)", lambda: math.expm1(1000)),
         ("pow(0, -1)", lambda: math.pow(0, -1)), ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)), ("pow(10, 400)", lambda: math.pow(10, 400)),
         ("sqrt('x')", lambda: math.sqrt("x")), ("sqrt(10**400)", lambda: math.sqrt(10**400)), ("log()", lambda: math.log()),
         ("exp(10**400)", lambda: math.exp(10**400)), ("sqrt(-inf)", lambda: math.sqrt(-math.inf))]
for label, f in cases:
    try:
        print(label, "=", f())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(label, "->", type(e).__name__ + ":", e)
