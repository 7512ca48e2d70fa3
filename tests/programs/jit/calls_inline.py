# Compiled calls that push the callee's frame inline and returns that pop it inline: callees
# rebound mid-loop (another function, other arity, a builtin, a class, a new __code__),
# method calls (self is the first local), locals beyond the arguments, finalizers run by a
# return, the recursion limit reached from compiled code, code compiled again while frames of
# it are on the stack (returns into replaced code), generators calling compiled code, and
# tracebacks through inline frames.
import sys


def one(a):
    return a + 1


def two(a, b):
    return a * b


def rebinding():
    global target
    out = []
    for i in range(300):
        if i == 100:
            target = two_as_one
        elif i == 150:
            target = abs
        elif i == 200:
            target = int
        elif i == 250:
            target = one
        out.append(target(i - 120))
    return sum(out), out[99:102], out[149:152], out[199:202], out[249:252]


def two_as_one(a):
    return two(a, 3)


target = one
print(rebinding())


def f(x):
    return x + 1000


def g(x):
    return x - 1000


def h(x, y):
    return x + y


def code_swap():
    total = []
    for i in range(200):
        if i == 80:
            f.__code__ = g.__code__
        if i == 160:
            try:
                f.__code__ = h.__code__
                total.append(f(i))
            except TypeError as e:
                print(type(e).__name__, e)
            f.__code__ = g.__code__
        total.append(f(i))
    return sum(total), total[78:82]


print(code_swap())


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, k):
        t = self.total
        u = t + k
        self.total = u
        return u

    def locals_late(self, k):
        if k > 5:
            late = k * 2
        else:
            late = -k
        return late

    def unbound(self, k):
        if k > 100:
            never = 1
        return never


def methods():
    a = Acc()
    s = 0
    for i in range(500):
        s += a.add(i)
        s += a.locals_late(i % 10)
    try:
        a.unbound(1)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    return s, a.total


print(methods())


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make_and_drop(i):
    x = Loud(i)
    y = x
    z = [x, y]
    return len(z)


def alias(i):
    x = [i]
    y = x
    return y


def finalizers():
    n = 0
    for i in range(3):
        n += make_and_drop(i)
        print("after", i)
    for i in range(200):
        n += len(alias(i))
    return n


print(finalizers())


def down(n):
    return down(n + 1) + 1


def limits():
    for limit in (200, 120, 500):
        sys.setrecursionlimit(limit)
        try:
            down(0)
        except RecursionError as e:
            print(limit, type(e).__name__, e)
    sys.setrecursionlimit(1000)


limits()


def r(n, x):
    if n == 0:
        return x
    v = r(n - 1, x) + 1
    # A call that counts towards compiling r again while frames of r wait on the stack.
    r(0, x)
    return v


def recompiled_under_frames():
    s = 0
    for i in range(30):
        s += r(150, i)
    # Floats make the compiled additions fail their guards deep in the recursion, until
    # the code is compiled again while frames of it are waiting on the stack.
    t = 0.0
    for i in range(30):
        t += r(150, i + 0.5)
    for i in range(30):
        s += r(150, i)
    return s, t


print(recompiled_under_frames())


def sq(x):
    return x * x


def squares(n):
    i = 0
    while i < n:
        yield sq(i)
        i += 1


print(sum(squares(500)), list(squares(5)))


def level3(x):
    return 10 // x


def level2(x):
    return level3(x - 1) + 1


def level1(x):
    return level2(x) + 1


def traceback_names():
    for i in range(100):
        level1(5)
    try:
        level1(1)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
            tb = tb.tb_next
        print(type(e).__name__, e, names)


traceback_names()
