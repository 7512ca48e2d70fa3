# Tier 1's fused instructions: `self.x` on a local (LOAD_FAST + LOAD_ATTR_INSTANCE_VALUE), float
# ops fused with their loads, while loops whose condition jumps back, for loops over ranges
# and lists, and a call whose frame push is tier 1's own. Each runs long enough to specialize,
# then meets a value its guard rejects.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return self.x + self.y

    def call_attr(self):
        return self.f(self.x)


class Q(P):
    pass


class R:
    def __init__(self):
        self.y = 5


def get_x(o):
    return o.x


def run_attr():
    total = 0
    for i in range(300):
        total += get_x(P(i, 1))
    print("attr mono", total)
    total = 0
    for i in range(300):
        o = P(i, 2) if i % 3 else Q(i, 3)
        total += o.norm1()
    print("attr poly", total)
    p = P(1, 2)
    for _ in range(300):
        get_x(p)
    del p.x
    try:
        get_x(p)
    except AttributeError as e:
        print(type(e).__name__, e)
    try:
        get_x(R())
    except AttributeError as e:
        print(type(e).__name__, e)
    p = P(4, 5)
    p.f = lambda v: v * 10
    acc = 0
    for _ in range(300):
        acc += p.call_attr()
    print("attr call", acc)


def floats(a, b, n):
    s = 0.0
    for _ in range(n):
        c = a * b
        d = a + b
        e = a - b
        s = s + c * d - e
        s = s * 0.5
    return s


def run_floats():
    print("floats", floats(1.5, 2.25, 300))
    print("floats int", floats(3, 4, 300))
    print("floats mixed", floats(1.5, 2, 300))
    try:
        floats(1.5, "x", 300)
    except TypeError as e:
        print(type(e).__name__, e)
    print("floats after", floats(0.25, 0.5, 300))


def loops(n):
    i = 0
    j = 0
    while i < n:
        i += 1
        if i % 7 == 0:
            continue
        j += i
    k = 0
    for x in range(n):
        k += x
    for y in [1, 2, 3] * n:
        k += y
    for z in (4, 5):
        k += z
    return i, j, k


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class M:
    def add(self, a, b):
        return a + b


def run_calls():
    print("fib", fib(18))
    m = M()
    t = 0
    for i in range(300):
        t += m.add(i, 1)
    print("method", t)

    def deep(n):
        return 0 if n == 0 else 1 + deep(n - 1)

    try:
        deep(100000)
    except RecursionError as e:
        print(type(e).__name__, e)
    print("after recursion", deep(50))


run_attr()
run_floats()
print("loops", loops(200))
run_calls()
