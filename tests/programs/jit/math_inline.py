# One-argument math functions called through a global (`from math import sqrt`) or the module
# (`math.sqrt`) run inline
# in compiled code on floats and small ints; special results raise the errors CPython gives,
# from the call's line, and a rebound global or another argument type goes the generic way.
from math import sqrt, sin, cos, exp, log1p, atanh, tanh
import math


def norms(points):
    out = []
    for x, y in points:
        out.append(sqrt(x * x + y * y))
    return out


def waves(n):
    t = 0.0
    for i in range(n):
        t += sin(i * 0.1) * cos(i) + tanh(i - 5)
    return t


def guarded(f, xs):
    out = []
    for x in xs:
        try:
            out.append(f(x))
        except (ValueError, OverflowError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def one_sqrt(x):
    return sqrt(x)


def module_form(xs):
    out = []
    for x in xs:
        try:
            out.append(math.sqrt(x) + math.cos(x))
        except ValueError as e:
            out.append("ValueError: " + str(e))
    return out


def main():
    pts = [(3, 4), (1.5, 2.0), (0, 0), (1e200, 1e200), (-2, 0)]
    for _ in range(20):
        norms(pts)
    print(norms(pts))
    print(round(waves(200), 9))
    print(guarded(one_sqrt, [4, 2.0, -1, -0.0, float("inf"), float("nan"), True, 10**40, 3**300, "x"]))
    for f in (exp, log1p, atanh):
        print(f.__name__, guarded(lambda x: f(x), [0, 1, -1, 1000, 0.5, float("-inf")]))
    print(guarded(lambda x: exp(x), [709, 710]), guarded(lambda x: math.sqrt(x), [9, -9]))
    for _ in range(20):
        module_form([1, 2.5])
    print(module_form([0, 4, 2.25, -1, float("inf")]))
    saved = math.sqrt
    math.sqrt = lambda x: -x
    print(module_form([4, 9]))
    math.sqrt = saved
    print(module_form([16]))
    global sqrt
    sqrt = abs
    print(norms([(-3, 0)]), one_sqrt(-7))
    try:
        one_sqrt(-1.0) if sqrt is not abs else (lambda: (math.sqrt(-1.0)))()
    except ValueError as e:
        import traceback
        print("ValueError:", e, traceback.extract_tb(e.__traceback__)[-1].lineno)


main()
