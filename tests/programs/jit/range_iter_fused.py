# `for i in range(...)` compiled as one op that makes the iterator with no range object:
# one to three int arguments, negative and huge steps, bounds near the int64 limits, big ints,
# errors from the call, and `range` rebound or shadowed.
import sys


def total(a, b=None, c=None):
    t = 0
    n = 0
    if b is None:
        for i in range(a):
            t += i
            n += 1
    elif c is None:
        for i in range(a, b):
            t += i
            n += 1
    else:
        for i in range(a, b, c):
            t += i
            n += 1
            if n > 5:
                break
    return t, n


def errors(args):
    out = []
    for a in args:
        try:
            out.append(total(*a))
        except (TypeError, ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def main():
    for _ in range(30):
        total(10)
    print(total(10), total(-3), total(3, 9), total(9, 3), total(10, 0, -3), total(0, 100, 7))
    big = sys.maxsize
    print(total(big - 2, big), total(-big - 1, -big + 2), total(big - 10, big, 3))
    print(total(2**70, 2**70 + 3), total(0, 10, 2**65), total(True))
    print(errors([(1, 5, 0), (2.5,), ("a", 3), (1, 2, 3.0)]))
    rebind()


def rebind():
    global range
    saved = range
    range = lambda *a: [7, 8]
    print(total(3), total(1, 2), total(1, 2, 3))
    range = saved
    print(total(4))


main()
