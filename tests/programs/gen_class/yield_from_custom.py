# yield from over user-defined iterators: __next__, send, throw and close are used as PEP 380 says.
class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > self.n:
            raise StopIteration("counter done")
        return self.i


def over_counter():
    r = yield from Counter(2)
    yield r


print(list(over_counter()))


class Coro:
    """An iterator with send/throw/close, like a hand-written coroutine."""

    def __init__(self):
        self.log = []

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, v):
        self.log.append(("send", v))
        if v == "stop":
            raise StopIteration("coro result")
        return len(self.log)

    def throw(self, *args):
        self.log.append(("throw", type(args[0]).__name__ if not isinstance(args[0], type) else args[0].__name__))
        if len(self.log) > 4:
            raise StopIteration("stopped by throw")
        return "threw"

    def close(self):
        self.log.append(("close",))


c = Coro()


def deleg():
    r = yield from c
    print("deleg result", r)
    yield "after"


d = deleg()
print(next(d))
print(d.send("x"))
print(d.throw(ValueError("v")))
print(d.throw(KeyError))
print(d.throw(IndexError))
print(c.log)

c2 = Coro()


def deleg2():
    try:
        yield from c2
    finally:
        print("deleg2 finally")


d2 = deleg2()
next(d2)
d2.close()
print(c2.log)

c3 = Coro()


def deleg3():
    r = yield from c3
    yield r


d3 = deleg3()
next(d3)
print(d3.send("stop"))


# A delegate without throw(): the exception is raised at the yield from.
class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return 1


def deleg4():
    try:
        yield from NoThrow()
    except ValueError as e:
        yield "caught " + str(e)


d4 = deleg4()
next(d4)
print(d4.throw(ValueError("no throw method")))


# close() on a delegate whose close raises.
class BadClose(NoThrow):
    def close(self):
        raise RuntimeError("close failed")


def deleg5():
    try:
        yield from BadClose()
    except RuntimeError as e:
        print("deleg5 saw", e)
        raise


d5 = deleg5()
next(d5)
try:
    d5.close()
except RuntimeError as e:
    print("close raised", e)


# Delegating to a generator method of a class.
class Tree:
    def __init__(self, v, *kids):
        self.v = v
        self.kids = kids

    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk()))
