# math: floor/ceil/trunc return ints (exact for big floats), work on ints/bools, and raise on inf/nan
import math
for x in [0.0, -0.0, 0.5, -0.5, 1.5, -1.5, 2.9999999999999996, -2.0000000000000004, 1e15 + 0.5, 1e16, 1e300, -1e300, 5e-324, 7, -7, True, 2**100]:
    fl, ce, tr = math.floor(x), math.ceil(x), math.trunc(x)
    print(repr(x) if not isinstance(x, int) or isinstance(x, bool) else x, fl, ce, tr, type(fl).__name__, type(ce).__name__, type(tr).__name__)
for v in [math.inf, -math.inf, math.nan]:
    for fn in (math.floor, math.ceil, math.trunc):
        try:
            fn(v)
        except (OverflowError, ValueError) as e:
            print(fn.__name__, v, type(e).__name__ + ":", e)
for bad in ["1", None, 1j]:
    for fn in (math.floor, math.ceil, math.trunc):
        try:
            fn(bad)
        except TypeError as e:
            print(fn.__name__, "TypeError:", e)
print(math.floor(-1e-300), math.ceil(1e-300), math.floor(2.5) + math.ceil(2.5), math.trunc(-0.99))
