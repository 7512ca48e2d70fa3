# throw(): raising inside a suspended generator.
def catcher():
    while True:
        try:
            yield "ready"
        except ValueError as e:
            print("caught", repr(e))
            yield "handled"
        except KeyError:
            print("KeyError -> return")
            return "bye"


g = catcher()
print(next(g))
print(g.throw(ValueError("x")))
print(next(g))
print(g.throw(ValueError))
print(next(g))
try:
    g.throw(KeyError("k"))
except StopIteration as e:
    print("StopIteration", e.value)
# Throwing into an exhausted generator raises the exception itself.
try:
    g.throw(IndexError("after"))
except IndexError as e:
    print("IndexError", e)


# Uncaught: propagates out of throw() and exhausts the generator.
def plain():
    yield 1
    yield 2


p = plain()
next(p)
try:
    p.throw(RuntimeError("boom"))
except RuntimeError as e:
    print("propagated", e)
print(list(p))

# Throwing into a just-created generator: nothing in it runs.
started = []


def tracked():
    started.append(1)
    try:
        yield 1
    except Exception:
        print("never")


t = tracked()
try:
    t.throw(TypeError("early"))
except TypeError as e:
    print("early", e, started)
print(list(t))


# The exception keeps its traceback through the generator.
def tb_gen():
    yield 1


tg = tb_gen()
next(tg)
try:
    tg.throw(ZeroDivisionError("z"))
except ZeroDivisionError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next if hasattr(tb, "tb_next") else None
    print("traceback entries >= 1:", n >= 1)

# Invalid arguments.
bad = plain()
next(bad)
for args in [(), (5,), ("x",), (ValueError(), 1)]:
    try:
        bad.throw(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    bad.throw(ValueError, ValueError(), 1, 2)
except TypeError as e:
    print("TypeError:", e)
print(next(bad))


# throw() can be answered by a yield.
def answer():
    while True:
        try:
            yield
        except Exception as e:
            yield type(e).__name__


a = answer()
next(a)
print(a.throw(OSError("o")))
next(a)
print(a.throw(StopIteration()))


# An exception thrown in while the generator handles another gets it as context.
def ctx():
    try:
        raise KeyError("inner")
    except KeyError:
        try:
            yield 1
        except ValueError as e:
            print("context:", repr(e.__context__))
            yield 2


c = ctx()
next(c)
print(c.throw(ValueError("v")))


# GeneratorExit via throw behaves like any exception.
def ge():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        yield 2


gg = ge()
next(gg)
print(gg.throw(GeneratorExit))
gg.close() if False else None
try:
    gg.close()
except RuntimeError as e:
    print("RuntimeError:", e)
