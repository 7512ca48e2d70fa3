# `return x` compiled as one op that moves the local out as the frame is popped: the value
# keeps its reference, other locals are dropped in order (finalizers run as in CPython), and
# frames that do not return plainly (generators, __init__, entry frames) return as before.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def pick(flag):
    a = Noisy("a")
    b = Noisy("b")
    if flag:
        return a
    return b


def fib(n):
    if n < 2:
        return n
    r = fib(n - 1) + fib(n - 2)
    return r


def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total


def in_finally():
    x = 5
    try:
        return x
    finally:
        print("finally")


def in_loop(items):
    for item in items:
        if item > 2:
            return item
    last = None
    return last


def main():
    for _ in range(3):
        kept = pick(True)
        print("kept", kept.name)
        del kept
    print(pick(False).name)
    print(fib(15))
    g = gen(4)
    print(list(g))
    try:
        next(g)
    except StopIteration as e:
        print("stop", e.value)
    g = gen(3)
    for _ in g:
        pass
    print(in_finally(), in_loop([1, 2, 3, 4]), in_loop([]))
    s = "abc" * 3
    print((lambda t: t)(s))


main()
