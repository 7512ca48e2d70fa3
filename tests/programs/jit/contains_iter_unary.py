# Membership, iteration, unary ops and identity in compiled loops: the container type
# changing at a site, unhashable keys, __contains__/__eq__/__iter__/__bool__/__len__/__neg__
# that raise, the int whose negation overflows 64 bits.
def member(cs, n):
    hits = 0
    for i in range(n):
        c = cs[i % len(cs)]
        if i in c:
            hits += 1
        if i not in c:
            hits += 2
    return hits


print(member([{1, 2, 3}], 300), member([{5: 1}], 300), member([frozenset({7})], 300))
print(member([{1, 2}, {3: 4}, [5, 6], range(10), "x" * 0 or (1,)], 300))


class Eq:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if self.k == 3:
            raise RuntimeError("eq raised")
        return False


class Box:
    def __contains__(self, x):
        if x == 250:
            raise LookupError("no 250")
        return x % 2 == 0


def member_raise(n):
    s = {Eq(3)}
    d = {Eq(3): 1}
    b = Box()
    hits = 0
    for i in range(n):
        key = Eq(i % 5) if i > n - 10 else i
        try:
            if key in s:
                hits += 1
            if key in d:
                hits += 1
            if i in b:
                hits += 1
        except (RuntimeError, LookupError) as e:
            print(i, type(e).__name__, e)
        if i == n - 1:
            for bad in ([1], {2: 3}):
                try:
                    print(bad in s)
                except TypeError as e:
                    print(type(e).__name__, e)
    return hits


print(member_raise(300))


class It:
    def __init__(self, k):
        self.k = k

    def __iter__(self):
        if self.k == 7:
            raise ValueError("cannot iterate 7")
        return iter(range(self.k))


def iters(n):
    s = 0
    for i in range(n):
        srcs = [[i, 1], (2, i), range(3), {4: 0}, {5}, "ab", It(i % 9)]
        for src in srcs:
            try:
                for x in src:
                    s += 1
            except ValueError as e:
                if i > n - 20:
                    print(i, type(e).__name__, e)
        if i == n - 1:
            try:
                for x in 5:
                    pass
            except TypeError as e:
                print(type(e).__name__, e)
    return s


print(iters(200))


class Neg:
    def __neg__(self):
        return "negated"


class NoBool:
    def __bool__(self):
        raise ValueError("no truth")


class Len:
    def __init__(self, k):
        self.k = k

    def __len__(self):
        return self.k


def unary(vals, n):
    out = []
    for i in range(n):
        v = vals[i % len(vals)]
        try:
            out.append(-v)
        except TypeError as e:
            out.append(str(e))
        try:
            out.append(not v)
        except ValueError as e:
            out.append(str(e))
    return out[-2 * len(vals) :]


print(unary([3, -4.5, True, -(2**63), 2**63, Neg(), "s", None, NoBool(), Len(0), Len(2), [], 0.0], 300))


def identity(vals, n):
    c = 0
    sentinel = object()
    for i in range(n):
        v = vals[i % len(vals)]
        if v is sentinel:
            c += 100
        if v is not None:
            c += 1
        r = v is vals[0]
        c += r
    return c


print(identity([1, None, "a", 2.5, (), identity], 300))
