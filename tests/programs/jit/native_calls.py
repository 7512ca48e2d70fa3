# Calls into native code from compiled loops (len, isinstance, other built-ins, method
# descriptors, built-in classes, type(x), list.append): another callable at the site, a
# native function that raises, one that calls back into Python (which raises, or looks at
# the calling frame), and the line numbers of the traceback.
import math
import sys
import traceback


def lens(objs, n):
    s = 0
    for i in range(n):
        s += len(objs[i % len(objs)])
    return s


print(lens(["ab", [1, 2, 3], (1,), {1: 2}, range(7)], 500))


class Sized:
    def __init__(self, k):
        self.k = k

    def __len__(self):
        if self.k < 0:
            raise ValueError("negative size")
        return self.k


def lens_raise(objs, n):
    s = 0
    for i in range(n):
        try:
            s += len(objs[i % len(objs)])
        except (ValueError, TypeError) as e:
            print(i, type(e).__name__, e)
    return s


print(lens_raise([Sized(2), "abc"] * 100 + [Sized(-1), 5], 204))


def sqrt_sum(xs):
    s = 0.0
    for x in xs:
        try:
            s += math.sqrt(x)
        except ValueError as e:
            print(type(e).__name__, e)
    return s


print(sqrt_sum([float(i) for i in range(300)] + [-1.0, 4.0]))


def rebind(n):
    f = abs
    s = 0
    for i in range(n):
        if i == n // 2:
            f = len if False else (lambda v: 1000)
        s += f(-i)
    return s


print(rebind(300))


def isinst(objs, n):
    c = 0
    for i in range(n):
        if isinstance(objs[i % 3], int):
            c += 1
    try:
        isinstance(1, 2)
    except TypeError as e:
        print(type(e).__name__, e)
    return c


print(isinst([1, "a", 2.0], 300))


def descriptors(words, n):
    out = []
    for i in range(n):
        w = words[i % len(words)]
        out.append(w.upper())  # CALL_METHOD_DESCRIPTOR, CALL_LIST_APPEND
        if i == n - 3:
            try:
                out.append(w.index("zz"))
            except ValueError as e:
                print(type(e).__name__, e)
    return "".join(out[-5:]), len(out)


print(descriptors(["ab", "cd", "ef"], 300))


class MyList(list):
    def append(self, x):
        super().append(x * 2)


def appends(target, n):
    for i in range(n):
        target.append(i)
    return sum(target)


print(appends([], 300))
l = []
for _ in range(3):
    appends(l, 100)
print(appends(MyList(), 300), sum(l))


def pops(n):
    l = list(range(n // 2))
    got = 0
    for i in range(n):
        try:
            got += l.pop()
        except IndexError as e:
            print(i, type(e).__name__, e)
            break
    return got


print(pops(300))


def classes(strs, n):
    s = 0
    for i in range(n):
        try:
            s += int(strs[i % len(strs)])
        except ValueError as e:
            print(i, type(e).__name__, e)
        s += len(range(i % 5))
        s += len(tuple((i, i)))
    return s


print(classes(["1", "22", "333"] * 90 + ["x4"], 271))


def types(objs, n):
    names = []
    for i in range(n):
        names.append(type(objs[i % len(objs)]).__name__)
    return names[-4:]


print(types([1, "a", 2.5, None, []], 300))


def key_raises(items, n):
    for i in range(n):
        try:
            r = sorted(items, key=lambda v: 10 // (v - i))
        except ZeroDivisionError as e:
            print(i, type(e).__name__, e)
    return r


print(key_raises([3, 1, 2], 150))


def where():
    return sys._getframe(2).f_lineno


def lines(n):
    got = set()
    for i in range(n):
        sorted([2, 1], key=lambda v: got.add(where()) or v)
        max([1], key=lambda v: got.add(where()) or v)
    return sorted(got)


print(lines(200))


def boom(v):
    if v == 250:
        raise KeyError(v)
    return v


def traced(n):
    s = 0
    for i in range(n):
        s += sum(map(boom, [i]))
    return s


try:
    traced(300)
except KeyError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print([(f.name, f.lineno, f.line) for f in tb])
