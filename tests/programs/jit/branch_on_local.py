# `if x:` / `while x:` / `if x is None:` with x a local, which compiled code tests where it
# lives: bools, None, ints, floats (-0.0, nan), strings, containers, objects with __bool__ or
# __len__, a __bool__ that raises or returns a non-bool, and linked nodes walked with
# `is not None`.


class Truthy:
    def __init__(self, t):
        self.t = t

    def __bool__(self):
        return self.t


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Bad:
    def __bool__(self):
        raise RuntimeError("no truth")


class Weird:
    def __bool__(self):
        return 1


class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.next = nxt


def truths(vals):
    out = []
    for x in vals:
        if x:
            out.append(1)
        else:
            out.append(0)
        if not x:
            out.append("n")
    return out


def countdown(n):
    steps = 0
    while n:
        n -= 1
        steps += 1
    return steps


def walk(node):
    total = 0
    while node is not None:
        total += node.v
        node = node.next
    return total


def nones(vals):
    return [("none" if x is None else "some") for x in vals]


def raises(vals):
    out = []
    for x in vals:
        try:
            if x:
                out.append("t")
            else:
                out.append("f")
        except (RuntimeError, TypeError, ValueError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


vals = [True, False, None, 0, 7, -1, 0.0, -0.0, float("nan"), 2.5, "", "a", [], [0], (), {},
        Truthy(True), Truthy(False), Sized(0), Sized(3), 2**80, 0j]
print(truths(vals))
print(countdown(100), countdown(0))
chain = None
for i in range(50):
    chain = Node(i, chain)
print(walk(chain), walk(None))
print(nones([None, 0, "", None, []]))
print(raises([1, Bad(), 0, Weird(), Sized(-1), True]))
for _ in range(3):
    print(truths([0, 1, None, Truthy(True)]), walk(Node(1, Node(2, None))), raises([Bad()]))
