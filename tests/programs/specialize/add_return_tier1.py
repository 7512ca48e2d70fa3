# Tier 1's `return a + b` with int operands (BINARY_OP_ADD_INT + RETURN_VALUE as one
# instruction): from plain frames, from frames that do not return plainly (generators,
# __init__, calls from built-ins), with overflow to big ints, and after the operands change type.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def add(a, b):
    return a + b


def gen(a, b):
    yield a
    return a + b


class C:
    def __init__(self, a, b):
        self.v = a
        return a + b


def main():
    print(fib(20))
    for i in range(300):
        add(i, i)
    print(add(2**62, 2**62), add(-(2**63), -1), add(2**100, 1))
    print(add(1.5, 2), add("a", "b"), add([1], [2]))
    for i in range(300):
        add(i, 1)
    print(list(map(add, range(5), range(5))), sorted([3, 1, 2], key=lambda x: x + 0))
    for _ in range(300):
        g = gen(1, 2)
        next(g)
        try:
            next(g)
        except StopIteration as e:
            r = e.value
    print("gen", r)
    for i in range(3):
        try:
            C(i, 1)
        except TypeError as e:
            print(type(e).__name__, e)
    try:
        add(1, "x")
    except TypeError as e:
        print(type(e).__name__, e)
    print(fib(15))


main()
