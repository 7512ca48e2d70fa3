# `k in s` / `k not in s` on sets answered by compiled code from the set's small-int bitmap:
# the set in a local or on the stack, keys inside and outside -64..64, a set that once held a
# heap object equal to a small int, frozensets, a set subclass, a dict at the same site, and
# an unhashable key raising at the op.


class One:
    """Equal to the int 1, with its hash."""

    def __eq__(self, other):
        return other == 1

    def __hash__(self):
        return 1


class Box:
    def __init__(self, s):
        self.s = s

    def count_in(self, keys):
        n = 0
        for k in keys:
            if k in self.s:
                n += 1
        return n


def count_in(s, keys):
    n = 0
    for k in keys:
        if k in s:
            n += 1
    return n


def count_not_in(s, keys):
    n = 0
    for k in keys:
        if k not in s:
            n += 1
    return n


def first_gap(s, start):
    # `while k in s:` and `if ... or ...` chains: the membership test fused with its jump.
    k = start
    while k in s:
        k += 1
    return k


def free_cols(n, cols, d1, d2, row):
    out = []
    for c in range(n):
        if c in cols or (row + c) in d1 or (row - c) not in d2:
            continue
        out.append(c)
    return out


class MySet(set):
    def __contains__(self, k):
        return k == 3


def main():
    keys = list(range(-70, 70)) + [True, False, 2**70, -(2**70), 1.0, 2.5, "a", None]
    s = set(range(-64, 64, 3))
    for _ in range(20):
        count_in(s, keys)
    print(count_in(s, keys), count_not_in(s, keys), Box(s).count_in(keys))
    # Churn: removals and re-adds keep the bitmap in step.
    for i in range(-64, 64, 3):
        s.discard(i)
        print(count_in(s, keys), end=" ")
        s.add(i + 1)
    print()
    print(count_in(frozenset([1, 2, 63, -64, 64, -65]), keys))
    # A heap object equal to 1 makes the bitmap inexact: the general lookup answers.
    h = {One()}
    print(count_in(h, [1, 2, True, 1.0]), count_not_in(h, [1, 2]))
    h.discard(1)
    print(count_in(h, [1, 2]))
    print(count_in(MySet([1, 2]), [1, 2, 3]), count_in({"a": 1, 5: 2}, ["a", 5, 6]))
    print(count_in({2**70, 5}, [2**70, 5, 6]))
    print(first_gap({0, 1, 2, 5}, 0), first_gap({0, 1, 2, 5}, 3), first_gap({2**70}, 2**70))
    print(free_cols(8, {1, 3}, {2, 9}, {0, -1, -5, 2, 3}, 2), free_cols(3, {"x"}, set(), {2, 1}, 1))
    try:
        free_cols(2, {1}, [], {0}, 0)
    except TypeError as e:
        print("TypeError:", e)
    try:
        first_gap({1}, [1])
    except TypeError as e:
        print("TypeError:", e)
    try:
        count_in({1}, [1, [2]])
    except TypeError as e:
        print("TypeError:", e)
    try:
        count_in(5, [1])
    except TypeError as e:
        print("TypeError:", e)


main()
