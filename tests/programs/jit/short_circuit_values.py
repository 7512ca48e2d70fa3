# `a or b` / `a and b` used as values: compiled code tests the left operand where it is on
# the stack and jumps keeping it or pops it. Every kind of left operand: bools, ints, floats,
# None, short and long strs, containers, objects with __bool__ / __len__ (which may raise).

class Truth:
    def __init__(self, t):
        self.t = t
    def __bool__(self):
        return self.t
    def __repr__(self):
        return "Truth(%r)" % self.t

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __repr__(self):
        return "Sized(%d)" % self.n

class Bad:
    def __bool__(self):
        raise ValueError("no truth")

class NotBool:
    def __bool__(self):
        return 1


def pick(values, other):
    out = []
    for v in values:
        out.append((v or other, v and other, (v or other) and v, not (v and other)))
    return out


values = [True, False, 0, 1, -3, 0.0, 2.5, -0.0, None, "", "x", "a long string here!",
          [], [0], (), (1,), {}, {1: 2}, Truth(True), Truth(False), Sized(0), Sized(2)]
for _ in range(3):
    rows = pick(values, "other")
for v, row in zip(values, rows):
    print(repr(v), row)


def chained(a, b, c):
    return a and b or c


def ready(budget, free, mail):
    return mail or (budget > 0 and len(free) > 0)


for _ in range(40):
    r1 = chained(1, 2, 3), chained(0, 2, 3), chained(1, 0, 3), chained(None, "", [])
    r2 = ready(5, [1], False), ready(0, [1], False), ready(3, [], None), ready(0, [], True)
print(r1, r2)


def raises(v):
    try:
        return v or 5
    except ValueError as e:
        return "ValueError", str(e)


def raises_and(v):
    try:
        return v and 5
    except TypeError as e:
        return "TypeError", str(e)


for _ in range(3):
    print(raises(Bad()), raises(0), raises_and(NotBool()), raises_and(1))


def in_loop(n):
    total = 0
    for i in range(n):
        x = i % 3 and i % 5 or -1
        total += x
    return total


print(in_loop(1000))
