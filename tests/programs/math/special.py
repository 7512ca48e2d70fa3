# math: erf/erfc/gamma/lgamma at representative points, poles and overflow
import math
for x in [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 3.5, 6.0, -6.0, 30.0]:
    print(repr(x), math.erf(x), math.erfc(x))
for x in [0.5, 1.0, 1.5, 2.0, 5.0, 10.0, 20.0, 0.1, -0.5, -1.5, 171.0, 1e-300]:
    print(repr(x), math.gamma(x), math.lgamma(x))
print([math.gamma(n) for n in range(1, 11)] == [float(math.factorial(n - 1)) for n in range(1, 11)])
print(math.lgamma(1000.0), math.lgamma(1e300), math.erf(math.inf), math.erfc(-math.inf), math.gamma(math.inf), math.lgamma(-math.inf))
for label, f in [("gamma(0)", lambda: math.gamma(0)), ("gamma(-1)", lambda: math.gamma(-1)), ("gamma(-2.0)", lambda: math.gamma(-2.0)),
                 ("gamma(172)", lambda: math.gamma(172)), ("lgamma(0)", lambda: math.lgamma(0)), ("lgamma(-3)", lambda: math.lgamma(-3)),
                 ("gamma(-inf)", lambda: math.gamma(-math.inf))]:
    try:
        print(label, f())
    except (ValueError, OverflowError) as e:
        print(label, type(e).__name__ + ":", e)
