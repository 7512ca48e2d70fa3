# math: domain vs range errors: which functions raise ValueError("math domain error") vs OverflowError("math range error")
import math
calls = [("sqrt", (-1,)), ("log", (0,)), ("log", (-1, 10)), ("log2", (-1,)), ("log10", (0,)), ("log1p", (-2,)), ("exp", (800,)),
         ("expm1", (800,)), ("pow", (2, 5000)), ("pow", (-1, 0.5)), ("pow", (0, -2)), ("asin", (1.1,)), ("acos", (-2,)), ("atanh", (2,)),
         ("acosh", (0,)), ("cosh", (900,)), ("sinh", (-900,)), ("gamma", (-3,)), ("gamma", (200,)), ("lgamma", (-1,)), ("fmod", (1, 0)),
         ("ldexp", (1.0, 2000)), ("factorial", (-3,)), ("isqrt", (-4,)), ("comb", (-1, 2)), ("sin", (math.inf,)), ("tan", (-math.inf,)),
         ("erf", (math.nan,)), ("exp", (math.nan,)), ("floor", (math.inf,)), ("ceil", (math.nan,)), ("trunc", (-math.inf,))]
for name, args in calls:
    fn = getattr(math, name)
    try:
        r = fn(*args)
        print(f"{name}{args} = {r!r}")
    except (ValueError, OverflowError) as e:
        print(f"{name}{args} -> {type(e).__name__}: {e}")
print(sorted([n for n in dir(math) if not n.startswith("_")]))
