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
    try:
        count_in({1}, [1, [2]])
    except TypeError as e:
        print("TypeError:", e)
    try:
        count_in(5, [1])
    except TypeError as e:
        print("TypeError:", e)


main()
