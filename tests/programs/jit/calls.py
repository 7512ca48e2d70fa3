# Python-to-Python calls and returns between compiled functions: exact-argument calls, bound
# methods, a callee that is a generator or has cells, a callable rebound mid-loop, deep
# recursion ending in RecursionError, and exceptions crossing compiled frames.
import sys


def add(a, b):
    return a + b


def twice(x):
    return add(x, x)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def gen(n):
    for i in range(n):
        yield i * i


def with_cell(x):
    def inner():
        return x + 1
    return inner()


class Counter:
    def __init__(self, start):
        self.n = start

    def bump(self, k):
        self.n = self.n + k
        return self.n


def drive():
    total = 0
    c = Counter(10)
    for i in range(3000):
        total += twice(i)
        total += c.bump(1)
        total += sum(gen(3))
        total += with_cell(i)
    return total


print(drive())
print(fib(20))


# The callable changes under a compiled call site.
def one(x):
    return 1


def many(*args):
    return len(args)


def call_site(f, n):
    s = 0
    for i in range(n):
        s += f(i)
    return s


print(call_site(one, 1000), call_site(many, 1000), call_site(lambda x, y=2: x + y, 10))
print(call_site(len, 0), call_site(one, 5))


# Recursion deeper than the limit, from compiled code, more than once.
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


for attempt in range(3):
    try:
        down(10 ** 6)
    except RecursionError as e:
        print(attempt, type(e).__name__, e)
print(down(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    down(300)
except RecursionError:
    print("limit 200 holds")
sys.setrecursionlimit(old)


# Exceptions raised in a callee, caught by a compiled caller.
def fails(i):
    if i == 7:
        raise ValueError("seven")
    return i


def catcher():
    out = []
    for i in range(10):
        try:
            out.append(fails(i))
        except ValueError as e:
            out.append(str(e))
    return out


print(catcher())


# __init__ frames return their instance, not None; a non-None return raises at the call.
class Bad:
    def __init__(self):
        return 5


def make_bad():
    try:
        Bad()
    except TypeError as e:
        print(type(e).__name__, e)


for _ in range(3):
    make_bad()
print([Counter(i).bump(i) for i in range(5)])
