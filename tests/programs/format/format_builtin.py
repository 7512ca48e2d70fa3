# format: the format() builtin and __format__ on many types (empty spec == str()), and type errors
for v in [1, -1.5, "s", None, True, [1, 2], (1,), {"a": 1}, b"x", 1 + 2j, range(2), 2**70, frozenset()]:
    print(repr(format(v)), repr(format(v, "")), format(v) == str(v))
print(format(3.5, "8.3f"), format(42, "x"), format("abc", ">6"), format(True, "d"), format(True, ""), format(True, "^6"))
for v, spec in [(None, "d"), (None, ">5"), ([1], "<4"), ((1,), "s"), ({}, "x"), (b"ab", "5"), ("s", "d"), (1.5, "d"),
                (1.5, "c"), (1, "s"), (1 + 2j, "%"), (1 + 2j, "=5"), (1 + 2j, "05"), (1, "Q"), (2.0, "b")]:
    try:
        print(v, spec, repr(format(v, spec)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(format(1.5, ".1f") == (1.5).__format__(".1f"), (5).__format__("03"), "x".__format__("^3"), (1 + 1j).__format__(".1f"))
try:
    format(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    format()
except TypeError as e:
    print("TypeError:", e)
print(format(1 + 2j, ""), format(1.5 - 2.5j, "+.2f"), format(complex(3, -4), "^20.1e"), format(1j, "g"), format(1e20 + 1j, ""))
print(format(-0.0 + 0j, ""), format(complex(1.5, 0), "<15"), format(complex(0.0, 1.0), ".3g"))
