# float: float(str) accepted spellings and the ValueError text for rejected ones
good = ["1", "-1", "+1.5", "  2.5  ", "\n3.25\t", ".5", "5.", "-.5", "1e5", "1E5", "1e-5", "1e+5",
        "1.5e300", "1e400", "-1e400", "1e-400", "inf", "-inf", "+inf", "Infinity", "-INFINITY", "iNf",
        "nan", "-nan", "NaN", "1_000.000_1", "0.000_1e1_0", "00001.5", "1" * 30, "10",
        "٣.٥", "1e0", "0e0", "-0", "-0.0", "+0.0", "4.9e-324", "2.4e-324"]
for s in good:
    print(repr(s), float(s))
bad = ["", " ", "abc", "1.5.5", "1e", "e5", "1_", "_1", "1__0", "1e_5", "0x10", "in", "infinit", "nana",
       "1,5", "--1", "+-1", "1 2", "1e5.5", "\x00", "1.5j"]
for s in bad:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
print(float(b"1.25"), float(bytearray(b" -2 ")))
for v in [None, [1.0], {}, 1j]:
    try:
        float(v)
    except TypeError as e:
        print("TypeError:", e)
print(float(), float(0), float(-7), float(True), float(2**100), float(1.5))
try:
    float(10**400)
except OverflowError as e:
    print("OverflowError:", e)
