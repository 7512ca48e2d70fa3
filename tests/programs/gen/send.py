# send(): values in, values out.
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo finally", received)


e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"), next(e))
e.close()


def accumulate():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v


a = accumulate()
next(a)
for v in [1, 2, 3, 4]:
    print(a.send(v))
try:
    a.send(None)
except StopIteration as ex:
    print("returned", ex.value)
# Exhausted: send raises StopIteration without a value.
try:
    a.send(5)
except StopIteration as ex:
    print("exhausted", ex.args)

# Sending a non-None value to a just-started generator.
b = accumulate()
try:
    b.send(1)
except TypeError as ex:
    print("TypeError:", ex)
# It is still startable afterwards.
print(b.send(None), b.send(10))

# send() argument checking.
try:
    b.send()
except TypeError as ex:
    print("TypeError:", ex)
try:
    b.send(1, 2)
except TypeError as ex:
    print("TypeError:", ex)


# Coroutine-style pipeline.
def printer(prefix):
    while True:
        line = yield
        print(prefix, line)


def upper(target):
    while True:
        line = yield
        target.send(line.upper())


p = printer(">>")
next(p)
u = upper(p)
next(u)
for w in ["one", "two"]:
    u.send(w)


# yield as an expression in various positions.
def exprs():
    x = (yield 1) + (yield 2)
    yield x
    y = []
    for i in range(2):
        y.append((yield i))
    yield y


g = exprs()
print(next(g), g.send(10), g.send(20))
print(next(g), g.send("a"), g.send("b"))


# "generator already executing".
def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as ex:
    print("ValueError:", ex)
print(list(me))


def resend():
    yield me2.send(None)


me2 = resend()
try:
    me2.send(None)
except ValueError as ex:
    print("ValueError:", ex)
