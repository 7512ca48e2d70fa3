# Unpacking exact tuples and lists inline (`a, b = pair`, `for k, v in items`, three and
# more targets), with the two-item form storing straight into locals: wrong lengths
# (ValueError from tier 1), tuple and list subclasses, other iterables at the same site, and
# old values whose finalizers run at the stores.


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


class Pair(tuple):
    def __iter__(self):
        return iter(("sub", "class"))


def pairs(seq):
    out = []
    for a, b in seq:
        out.append(b)
        out.append(a)
    return out


def swap_many(n):
    a, b = 1, 2
    for _ in range(n):
        a, b = b, a + b
    return a, b


def triples(seq):
    t = 0
    for x, y, z in seq:
        t += x * y - z
    return t


def unpack_any(objs):
    out = []
    for o in objs:
        try:
            a, b = o
            out.append((a, b))
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def stores_free():
    a = Loud("a")
    b = Loud("b")
    for i in range(3):
        a, b = [i, i * 2]
    return a, b


print(pairs([(1, 2), [3, 4], (5, 6)] * 3))
print(swap_many(50))
print(triples([(1, 2, 3), [4, 5, 6], (7, 8, 9)] * 4))
print(unpack_any([(1, 2), [3, 4], (5,), [6, 7, 8], Pair((9, 10)), "xy", {1: 2, 3: 4}, 5, (11, 12)]))
print(stores_free())
d = {"x": 1, "y": 2}
for _ in range(3):
    print(sorted((v, k) for k, v in d.items()), pairs([(0, 1)]), unpack_any([[1, 2], (3,)]))
