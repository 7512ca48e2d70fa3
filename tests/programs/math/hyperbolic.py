# math: sinh/cosh/tanh/asinh/acosh/atanh: values, symmetry, overflow and domain errors
import math
for x in [0.0, -0.0, 0.5, 1.0, -1.0, 2.0, 10.0, 20.0, 710.0, -710.0, 1e-8]:
    row = [repr(x), math.tanh(x), math.asinh(x)]
    for fn in (math.sinh, math.cosh):
        try:
            row.append(fn(x))
        except OverflowError as e:
            row.append("OverflowError: " + str(e))
    print(*row)
for x in [1.0, 1.5, 2.0, 10.0, 1e300, math.inf]:
    print("acosh", x, math.acosh(x))
for x in [-0.99, -0.5, 0.0, 0.5, 0.999999]:
    print("atanh", x, math.atanh(x))
for label, f in [("acosh(0.5)", lambda: math.acosh(0.5)), ("atanh(1)", lambda: math.atanh(1)), ("atanh(-1.5)", lambda: math.atanh(-1.5)), ("cosh(1000)", lambda: math.cosh(1000))]:
    try:
        print(label, f())
    except (ValueError, OverflowError) as e:
        print(label, type(e).__name__ + ":", e)
print(math.tanh(math.inf), math.tanh(-math.inf), math.sinh(math.inf), math.cosh(-math.inf), math.asinh(-math.inf))
