# Tier 1 runs a pair of loads (LOAD_FAST + LOAD_FAST / LOAD_CONST) together with an int compare,
# an int + - * % //, or a list item load or store that follows it. Check the edges: overflow
# to big ints, division by zero, negative and out-of-range indexes, list subclasses, bools,
# floats and big ints reaching the same sites, and tracebacks raised at the fused instruction.
import sys


def arith(a, b):
    return [a + b, a - b, a * b, a % b, a // b, a + 1, a - 1, a * 3, a % 7, a // 2]


def compares(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if a > b:
        out.append("gt")
    if a >= b:
        out.append("ge")
    if a < 2:
        out.append("lt2")
    return out, a < b, a >= 2


for _ in range(3):
    for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (5, 5), (True, 2), (2.5, 2),
                 (2**62, 2**62), (-(2**63), 1), (2**63, 3), (sys.maxsize, sys.maxsize)]:
        print(a, b, arith(a, b), compares(a, b))


def div(a, b):
    return a // b


def mod(a, b):
    return a % b


for f in (div, mod):
    for _ in range(3):
        try:
            print(f(10, 0))
        except ZeroDivisionError as e:
            print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)


def items(xs, i):
    t = xs[i]
    u = xs[0]
    v = xs[-1]
    return t, u, v, xs[i] + xs[0]


def store(xs, i, v):
    xs[i] = v
    xs[0] = v + 1
    return xs


class MyList(list):
    def __getitem__(self, i):
        return ("sub", list.__getitem__(self, i))

    def __setitem__(self, i, v):
        list.__setitem__(self, i, ("set", v))


for _ in range(3):
    print(items([1, 2, 3], 1), items([1, 2, 3], -2), items((4, 5, 6), 2), items("abc", 1))
    print(items(MyList([7, 8, 9]), 1))
    print(store([1, 2, 3], 2, 10), store([1, 2, 3], -1, 20), store(MyList([1, 2]), 1, 5))
    print(store({0: 1}, 5, 6))
    for xs, i in [([1, 2, 3], 3), ([1, 2, 3], -4), ([], 0), ([1], True), ([1], 2**70)]:
        try:
            print(items(xs, i))
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
        try:
            print(store(xs, i, 0))
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)


def flips(work, k):
    i = 0
    j = k
    n = 0
    while i < j:
        t = work[i]
        work[i] = work[j]
        work[j] = t
        i += 1
        j -= 1
        n += 1
    return n, work


for k in range(6):
    print(flips(list(range(6)), k))


def count(n):
    i = 0
    total = 0
    while i < n:
        total = total + i * i % 7 - i // 3
        i = i + 1
    return total


print(count(100), count(0), count(-5))


def unbound():
    if False:
        x = 1
    return x + 1


try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)


# `return x` (LOAD_FAST + RETURN_VALUE) from plain frames, generators, __init__ and
# functions called from builtins.
def ident(x):
    return x


def gen(x):
    yield 1
    return x


class Init:
    def __init__(self, x):
        self.x = x
        r = None
        return r


class BadInit:
    def __init__(self):
        r = 5
        return r


def fact(n):
    if n < 2:
        r = 1
        return r
    r = n * fact(n - 1)
    return r


for _ in range(3):
    print(ident(5), ident([1]), list(map(ident, "ab")), sorted([3, 1, 2], key=ident))
    g = gen("done")
    print(next(g))
    try:
        next(g)
    except StopIteration as e:
        print("StopIteration", e.value)
    print(Init(4).x, fact(20), fact(25))
    try:
        BadInit()
    except TypeError as e:
        print(type(e).__name__, e)


# An int constant after a value computed on the stack (LOAD_CONST + int op).
def const_ops(x, y):
    a = (x * 48271) % 2147483647
    b = (x + y) // 3 + 1
    c = (x - y) % 5 - 7
    d = (x * y) * 3
    e = (x + 0) // 1
    return a, b, c, d, e, (x + y) < 10, (x - y) >= -3, (x * y) == 6


for _ in range(3):
    for x, y in [(2, 3), (-7, 2), (2**62, 2**62), (-(2**63), -1), (True, False), (2**70, 1),
                 (1.5, 2)]:
        print(x, y, const_ops(x, y))


def div_zero(x):
    return (x + 1) // 0


def mod_zero(x):
    return (x + 1) % 0


for f in (div_zero, mod_zero):
    try:
        f(3)
    except ZeroDivisionError as e:
        print(type(e).__name__, e, e.__traceback__.tb_next.tb_lineno)
