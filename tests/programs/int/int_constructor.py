# int: int() from floats (truncation), bools, other ints, and the float errors
for v in [0.0, -0.0, 0.5, -0.5, 0.9999, 1.5, -1.5, 2.5, 1e15, 1e16 + 1, 1e20, -1e20, 1.7976931348623157e308, 5e-324]:
    print(repr(v), int(v))
print(int(), int(True), int(False), int(-5), int(2**70), type(int(True)))
print(int("12"), int(" 12 "), int(12.999999), int(-12.999999))
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(int(3.0) == 3, int(2.0**100), int(-(2.0**64)))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), type(round(1.5)))
import math
print(math.trunc(-3.7), math.floor(-3.7), math.ceil(-3.7), math.trunc(3.7))
print(int(1e300) == 10**300, int(1e300) % 1000)
x = 7.9
n = int(x)
print(n, type(n), x - n)
