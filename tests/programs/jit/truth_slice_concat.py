# Conditional jumps on values that are not bools (lists, ints, None, objects with __bool__ or
# __len__, one that raises), slices, and str concatenation in compiled code, with guard
# failures and errors mid-loop.


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        return self.v


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Bad:
    def __bool__(self):
        raise RuntimeError("no truth")


class BadLen:
    def __len__(self):
        return -1


def count_true(values):
    n = 0
    for v in values:
        if v:
            n += 1
        if not v:
            n += 100
    return n


vals = [[], [1], 0, 3, None, "", "x", 0.0, 2.5, Truthy(True), Truthy(False), Sized(0), Sized(2)]
for _ in range(50):
    r = count_true(vals)
print(r)
for bad in (Bad(), BadLen(), Truthy(1)):
    try:
        count_true([1, bad])
    except (RuntimeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)


def slices(s, n):
    out = []
    for i in range(n):
        out.append(s[i:i + 3])
        out.append(s[:i])
    return out


for _ in range(30):
    r = slices("abcdefgh", 6)
print(r)
print(slices([1, 2, 3, 4, 5, 6, 7], 4))
print(slices((1, 2, 3, 4, 5, 6, 7), 4))
try:
    slices(12345, 2)
except TypeError as e:
    print(type(e).__name__, e)


def concat(parts):
    s = ""
    for p in parts:
        s = s + p
    return s


for _ in range(30):
    r = concat(["ab", "cd", "é", "fgh" * 5])
print(r, len(r))
try:
    concat(["a", "b", 3])
except TypeError as e:
    print(type(e).__name__, e)
print(concat([]))
