# Instances made by a class call whose __init__ runs as compiled code: its return hands the
# instance back to the caller (also when the caller is compiled), an __init__ returning
# something other than None raises TypeError at the call, and one that raises propagates.

class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return P(self.x + o.x, self.y + o.y)


class Odd:
    def __init__(self, v):
        self.v = v
        if v == 3:
            return 5          # TypeError at the call
        if v == 4:
            raise ValueError("four")


class Early:
    def __init__(self, v):
        if v:
            return            # RETURN_CONST None in the middle
        self.v = 1


def build(n):
    acc = P(0, 0)
    for i in range(n):
        acc = acc + P(i, -i)
    return acc.x, acc.y


def odd(n):
    out = []
    for v in range(n):
        try:
            out.append(Odd(v).v)
        except (TypeError, ValueError) as e:
            out.append((type(e).__name__, str(e)))
    return out


for _ in range(3):
    r = build(200), odd(6), [hasattr(Early(v), "v") for v in (0, 1, 0)]
print(r)


# The class changes mid-loop (a new __init__, then a class attribute): compiled class calls
# leave for tier 1 and respecialize. A call with the wrong number of arguments raises.
class Q:
    def __init__(self, a):
        self.a = a


def make(n):
    out = []
    for i in range(n):
        if i == 5:
            Q.__init__ = lambda self, a: setattr(self, "a", -a)
        if i == 8:
            Q.tag = "t"
        q = Q(i)
        out.append(q.a)
    return out


print(make(12))
try:
    Q(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    P(1)
except TypeError as e:
    print(type(e).__name__, e)
