# Results stored straight into a local (`x = a + b`, `for x in ...`, `x = a[i]`), load pairs
# and the `a[i] op= v` copies/swaps, through their generic and error paths.


def arith(xs, ys):
    out = []
    for x, y in zip(xs, ys):
        s = x + y
        d = x - y
        p = x * y
        out.append((s, d, p))
    return out


print(arith([1, 2**62, 1.5, 2, True], [2, 2**62, 2, 0.25, 3]))
try:
    print(arith([1, "a"], [2, "b"]))
except TypeError as e:
    print(type(e).__name__, e)


def divide(xs, ys):
    out = []
    for x, y in zip(xs, ys):
        try:
            q = x / y
            r = x // y
            m = x % y
            out.append((q, r, m))
        except ZeroDivisionError as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(divide([7, 7.5, 1, -7, 7], [2, 2.5, 0, 2, 0.0]))


def loops(seq):
    total = 0
    for v in seq:
        total = total + v
    return total


print(loops(range(10)), loops([1, 2, 3]), loops((4, 5)), loops([1.5, 2]), loops(range(5, 0, -1)))


def mutating():
    xs = [1, 2, 3]
    seen = []
    for v in xs:
        seen.append(v)
        if v < 3:
            xs.append(v + 10)
    return seen


print(mutating())


def subscripts(seqs, i):
    out = []
    for s in seqs:
        try:
            v = s[i]
            out.append(v)
        except (IndexError, KeyError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(subscripts([[1, 2], (3, 4), "ab", [5], (), {0: "z"}, {}, 5], 1))
print(subscripts([[1, 2], (3, 4), "ab"], -1))
print(subscripts([[1, 2], (3, 4), "ab"], -3))


def augmented(containers):
    out = []
    for c in containers:
        try:
            c[0] += 5
            c[1] -= 2
            c[0] *= 3
            out.append(c)
        except (TypeError, KeyError, IndexError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(augmented([[1, 2], [1.5, 2.5], {0: 1, 1: 2}, {0: "a", 1: 3}, (1, 2), [1], ["x", 3]]))


class Logged:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        print("get", k)
        return self.d.get(k, 0)

    def __setitem__(self, k, v):
        print("set", k, v)
        self.d[k] = v


lg = Logged()
for i in range(3):
    lg[i % 2] += i
print(lg.d)


class Dropped:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def rebinding():
    x = Dropped("first")
    for i in range(2):
        x = Dropped("loop %d" % i)
        print("bound", x.name)
    y = 1
    x = y + 1
    print("x is", x)


rebinding()


def const_pairs(n):
    b = [0.5, 1.5, 2.5]
    t = 0.0
    for i in range(n):
        t += b[0] * 2.0 + b[1] - 1
        b[2] -= 0.5
    return t, b


print(const_pairs(4))


def statements(n):
    s = set()
    lst = []
    out = []
    for i in range(n):
        s.add(i % 3)
        lst.append(i)
        r = s.discard(i % 2)
        out.append(r)
        x = lst.append(-i)
        out.append(x)
        try:
            s.remove(i % 3)
            s.remove(i % 3)
        except KeyError as e:
            out.append("KeyError " + str(e))
    return sorted(s), lst, out


print(statements(4))
