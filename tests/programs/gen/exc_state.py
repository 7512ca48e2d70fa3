# Generators keep their own handled-exception state, as CPython does.
import sys


def show(tag):
    e = sys.exception()
    print(tag, None if e is None else repr(e))


def gen():
    show("gen start")
    try:
        raise ValueError("in gen")
    except ValueError:
        show("gen handler before yield")
        yield 1
        show("gen handler after yield")
    show("gen after handler")
    yield 2


g = gen()
next(g)
show("caller after first next")
try:
    raise KeyError("caller")
except KeyError:
    show("caller handler")
    next(g)
    show("caller handler after next")
show("caller end")


# A generator not handling anything sees its resumer's exception.
def peek():
    while True:
        show("peek")
        yield


p = peek()
next(p)
try:
    raise IndexError("outer")
except IndexError:
    next(p)


# Exceptions raised in a generator get the resumer's handled exception as context.
def raises():
    yield 1
    raise TypeError("from gen")


r = raises()
next(r)
try:
    raise OSError("caller ctx")
except OSError:
    try:
        next(r)
    except TypeError as e:
        print("context:", repr(e.__context__))


# Bare raise inside a generator re-raises the generator's own exception.
def reraiser():
    try:
        raise ValueError("own")
    except ValueError:
        yield "suspended in handler"
        raise


rr = reraiser()
print(next(rr))
try:
    raise KeyError("resumer")
except KeyError:
    try:
        next(rr)
    except ValueError as e:
        print("reraised", repr(e))
show("end")


# Exceptions crossing a generator boundary keep working in loops.
def risky(n):
    for i in range(n):
        if i == 2:
            raise ZeroDivisionError("two")
        yield i


out = []
try:
    for v in risky(5):
        out.append(v)
except ZeroDivisionError as e:
    print("loop stopped", out, e)


# try/except around yield, resumed several times.
def robust():
    n = 0
    while n < 3:
        try:
            v = yield n
            if v == "bad":
                raise ValueError(v)
        except ValueError as e:
            print("recovered", e)
        n += 1


rb = robust()
print(next(rb), rb.send("bad"), rb.send("ok"))
