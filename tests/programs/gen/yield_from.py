# yield from: delegation (PEP 380).
def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield 3
    return "outer result"


g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)

# Delegating to other iterables.
def flat():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
    yield from "ab"
    yield from {"k": 1}
    r = yield from []
    yield r


print(list(flat()))


# Nested delegation.
def level(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from level(n - 1)
    yield "level %d" % n
    return r + 1


g = level(3)
print(list(g))


def collect():
    r = yield from level(2)
    yield ("result", r)


print(list(collect()))


# throw() is forwarded to the delegate.
def sub():
    try:
        yield 1
    except ValueError as e:
        print("sub caught", e)
        yield "sub recovered"
    return "sub done"


def deleg():
    r = yield from sub()
    print("deleg got", r)
    yield "deleg next"


d = deleg()
print(next(d))
print(d.throw(ValueError("v")))
print(next(d))


# An exception the delegate doesn't handle propagates to the delegator.
def deleg2():
    try:
        yield from sub()
    except KeyError as e:
        print("deleg2 caught", repr(e))
        yield "deleg2 recovered"


d = deleg2()
next(d)
print(d.throw(KeyError("k")))


# close() is forwarded too.
def sub_fin():
    try:
        yield 1
        yield 2
    finally:
        print("sub_fin finally")


def deleg_fin():
    try:
        yield from sub_fin()
    finally:
        print("deleg_fin finally")


d = deleg_fin()
next(d)
d.close()

# gi_yieldfrom
s = sub_fin()
d = (lambda: (yield from s))()
print(d.gi_yieldfrom)
next(d)
print(d.gi_yieldfrom is s)
d.close()
print(d.gi_yieldfrom)


# A delegate returning immediately.
def nothing():
    return 7
    yield


def uses_nothing():
    v = yield from nothing()
    yield v


print(list(uses_nothing()))


# Sending into a delegate that is a plain iterator: only None may be sent.
def deleg_iter():
    yield from iter([1, 2, 3])


d = deleg_iter()
print(next(d))
try:
    d.send(5)
except AttributeError as e:
    print("AttributeError")


# Sending through two levels.
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


def mid():
    r = yield from acc()
    return r * 10


def top():
    r = yield from mid()
    yield "final %d" % r


t = top()
next(t)
t.send(1)
t.send(2)
print(t.send(None))


# StopIteration thrown into a delegate is turned into RuntimeError by it.
def simple_sub():
    yield 1
    yield 2


def thrower():
    x = yield from simple_sub()
    yield ("x", x)


t = thrower()
next(t)
try:
    t.throw(StopIteration(5))
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# Throwing into a delegate that returns from its handler finishes the yield from.
def sub_ret():
    try:
        yield 1
    except ValueError:
        return "returned on throw"


def outer_ret():
    r = yield from sub_ret()
    yield r


o = outer_ret()
next(o)
print(o.throw(ValueError))

# yield from a non-iterable.
def bad():
    yield from 5


try:
    list(bad())
except TypeError as e:
    print("TypeError:", e)


# Delegate closing on GeneratorExit through two levels.
def l2():
    try:
        yield 1
    finally:
        print("l2 closed")


def l1():
    try:
        yield from l2()
    finally:
        print("l1 closed")


def l0():
    try:
        yield from l1()
    finally:
        print("l0 closed")


g = l0()
next(g)
g.close()
print("done")
