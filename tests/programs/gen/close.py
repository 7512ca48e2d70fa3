# close(): GeneratorExit at the suspension point.
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally runs")


g = with_finally()
print(next(g))
print(g.close())
print(g.close())
print(list(g))

# Closing a generator that never started runs nothing.
g = with_finally()
g.close()
print(list(g))

# Closing an exhausted generator is a no-op.
g = with_finally()
print(list(g))
g.close()


# Catching GeneratorExit and returning is fine.
def catches():
    try:
        yield 1
    except GeneratorExit:
        print("cleanup")
        return "ignored value"


g = catches()
next(g)
print(g.close())


# Yielding after GeneratorExit is a RuntimeError.
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("not stopping")


g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
# Still suspended: close again, same thing.
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError again:", e)


# Raising another exception from close() propagates it, with GeneratorExit as context.
def raiser():
    try:
        yield 1
    finally:
        raise ValueError("from finally")


g = raiser()
next(g)
try:
    g.close()
except ValueError as e:
    print("ValueError:", e, type(e.__context__).__name__)
print(list(g))


# Raising StopIteration on close is swallowed? No: it turns into RuntimeError.
def stopper():
    try:
        yield 1
    except GeneratorExit:
        raise StopIteration("x")


g = stopper()
next(g)
try:
    print("close ->", g.close())
except RuntimeError as e:
    print("RuntimeError:", e)


# A generator without try blocks closes without running code.
def simple():
    yield 1
    print("never printed")


g = simple()
next(g)
g.close()
print(list(g))


# with-statement-like cleanup order.
log = []


def resource(name):
    log.append("open " + name)
    try:
        yield name
    finally:
        log.append("close " + name)


r1 = resource("a")
r2 = resource("b")
next(r1)
next(r2)
r2.close()
r1.close()
print(log)

# close() takes no arguments.
try:
    g.close(1)
except TypeError as e:
    print("TypeError:", e)


# A nested try/except inside finally during close.
def nested():
    try:
        try:
            yield 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")


g = nested()
next(g)
g.close()
