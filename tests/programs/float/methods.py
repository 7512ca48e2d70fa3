# float: is_integer, as_integer_ratio, hex/fromhex, real/imag/conjugate, and the errors
for v in [0.0, -0.0, 1.0, -2.5, 0.1, 0.75, 1e16, 1e300, 5e-324, 1 / 3, 123.0, -7.0]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.hex(), float.fromhex(v.hex()) == v, v.real, v.imag, v.conjugate())
for s in ["0x1p0", "0x1.8p1", "-0x1p-1", "0X1P+10", "  0x.8p1  ", "0x1", "1", "0xf.fp0", "inf", "-Infinity", "nan",
          "0x1.fffffffffffffp1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1074", "0x0p0", "-0x0p0", "0x1.00000000000008p0"]:
    print(s.strip(), float.fromhex(s))
for s in ["0x1p10000", "", "0xg", "1.5.5", "0x1p"]:
    try:
        print(float.fromhex(s))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
for v in [float("inf"), float("-inf"), float("nan")]:
    print(v.is_integer(), v.hex())
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print((2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (-2.5).__round__(), (2.5).__round__(0))
print((3.0).__add__(1), (3.0).__radd__(1), (3.0).__eq__(3), (3.0).__add__("x"))
print(float.__name__, type(1.5).__name__)
