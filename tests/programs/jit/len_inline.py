# len(x) through the global `len` answered by compiled code for exact lists and tuples; other
# sizes (str, dict, set, range, __len__, subclasses) and errors as CPython, and `len` rebound.


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class MyList(list):
    def __len__(self):
        return 99


def lengths(xs):
    out = []
    for x in xs:
        try:
            out.append(len(x))
        except (TypeError, ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def grow(n):
    xs = []
    for i in range(n):
        xs.append(len(xs))
    return xs


def main():
    for _ in range(20):
        lengths([[1, 2], (1,), []])
    print(lengths([[1, 2], (1,), [], (), list(range(50))]))
    print(lengths(["abc", {"a": 1}, {1, 2}, range(7), Sized(3), MyList([1]), b"xy"]))
    print(lengths([5, None, Sized(-1), Sized(2**70)]))
    print(grow(6))
    rebind()


def rebind():
    global len
    len = lambda x: "fake"
    print(lengths([[1], (2, 3)]))
    del len
    print(lengths([[1], (2, 3)]))


main()
