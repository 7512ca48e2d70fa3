# Membership of small ints in sets, which a set answers from a bitmap of the small ints it
# holds while it has held only inline values: ints, bools and integral floats that equal
# them, -0.0, big ints, pop/discard/clear/union, and objects equal to ints (which turn the
# bitmap off). Checked against every operation of a pseudo-random sequence.


class Num:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        return self.n == o

    def __hash__(self):
        return hash(self.n)

    def __repr__(self):
        return "Num(%d)" % self.n


seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


def pick():
    kind = rand(9)
    if kind < 4:
        return rand(140) - 70
    if kind == 4:
        return float(rand(132) - 66)
    if kind == 5:
        return [True, False, -0.0, 0.5][rand(4)]
    if kind == 6:
        return 2 ** 70
    if kind == 7:
        return Num(rand(7) - 3)
    return rand(20)


checks = []
for trial in range(60):
    s = set()
    for step in range(100):
        r = rand(100)
        k = pick()
        if r < 45:
            s.add(k)
        elif r < 70:
            s.discard(k)
        elif r < 75 and s:
            s.pop()
        elif r < 78:
            s = set(s) | {3, 4.0}
        elif r < 80:
            s.clear()
        elif r < 82:
            s = {x for x in s if not isinstance(x, Num)}
        q = rand(140) - 70
        checks.append((q in s, float(q) in s, True in s, 0 in s, -64 in s, 63 in s, len(s)))
    checks.append(sorted(repr(x) for x in s))
print(len(checks), sum(1 for c in checks if isinstance(c, tuple) and c[0]))
print(checks[-1])
h = 0
for c in checks:
    h = (h * 31 + hash(str(c))) % 1000000007 if not isinstance(c, list) else h
print(sum(c[0] + 2 * c[1] + 4 * c[2] + 8 * c[3] for c in checks if isinstance(c, tuple)))

s = {1, 2, 3}
s.add(Num(5))
print(5 in s, Num(5) in s, 5.0 in s, 6 in s)
s = {True}
print(1 in s, 1.0 in s, 0 in s)
s = {-0.0}
print(0 in s, False in s)
a = {1, 2}
a &= {1, 3}
print(a, 1 in a, 2 in a)
f = frozenset([1, 2, 63, -64])
print(63 in f, -64 in f, 64 in f, -65 in f)
s = set(range(-70, 70))
s -= set(range(0, 70, 2))
print(sum(1 for k in range(-70, 70) if k in s))
s = {3}
s.discard(3.0)
print(3 in s, s)
s.add(3.0)
s.add(3)
print(s, 3 in s)
