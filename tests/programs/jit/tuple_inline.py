# Tuples read by compiled code with the list stencils (a tuple's payload has a list's item
# layout): subscripts with local, constant and stack operands, negative and out-of-range
# indexes, tuple subclasses overriding `__getitem__` / `__iter__`, struct sequences, and
# `for` over tuples storing into a local.


class MyTuple(tuple):
    def __getitem__(self, i):
        return ("mine", tuple.__getitem__(self, i))

    def __iter__(self):
        return iter([9, 9])


def reads(pairs):
    t = 0
    for pair in pairs:
        a = pair[0]              # LC store
        b = pair[1]
        t += a * b + pair[-1]    # LC push, negative
        i = len(pair) - 1
        t += pair[i]             # LL push
        t -= (pair,)[0][0]       # SC on a stack tuple
    return t


def loops(tuples):
    out = []
    for t in tuples:
        s = 0
        for x in t:              # FOR_ITER_TUPLE + STORE_FAST
            s += x
        out.append(s)
    return out


def guarded(objs, i):
    out = []
    for o in objs:
        try:
            out.append(o[i])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def unpacked(pairs):
    s = 0
    for a, b in pairs:
        s += a - b
    return s


import sys
st = sys.version_info
pairs = [(1, 2), (3, 4), (5, 6, 7)]
print(reads(pairs * 20))
print(loops([(1, 2, 3), (), (4,), MyTuple((1, 2)), (5, 6)]))
print(guarded([(1, 2), [3, 4], MyTuple((5, 6)), (7,), "xy", st, (8, 9)], 1))
print(guarded([(1, 2), (3,)], -2))
print(unpacked(pairs[:2] * 10))
for _ in range(3):
    print(reads([(2, 3)]), loops([(1, 1), MyTuple(())]), guarded([(0, 1), MyTuple((2, 3))], 1))
