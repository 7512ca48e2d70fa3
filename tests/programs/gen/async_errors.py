# gen: error cases of await / async with / async for / coroutines and async generators, with CPython's messages
import sys


class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got


def run(coro, reply=lambda req: None):
    trace = []
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value, trace
        trace.append(req)
        value = reply(req)


def attempt(label, coro_fn, *args):
    try:
        print(label, run(coro_fn(*args)))
    except BaseException as e:
        print(label, type(e).__name__ + ":", e)
        c = e.__cause__
        if c is not None:
            print("   cause", type(c).__name__ + ":", c)


# --- await
async def await_value(v):
    return await v

class BadAwait:
    def __await__(self):
        return 5

class CoroAwait:
    def __await__(self):
        return await_value(1)

class GenAwait:
    def __await__(self):
        yield "from gen"
        return "gen done"

async def agen():
    yield 1

attempt("await int", await_value, 5)
attempt("await None", await_value, None)
attempt("await list", await_value, [1])
attempt("await non-iterator", await_value, BadAwait())
attempt("await coroutine-returning", await_value, CoroAwait())
attempt("await gen __await__", await_value, GenAwait())
attempt("await async gen", await_value, agen())
attempt("await generator", await_value, (x for x in []))


# --- async with
class NoAenter:
    pass

class NoAexit:
    async def __aenter__(self):
        return self

class SyncEnter:
    def __aenter__(self):
        return 1
    async def __aexit__(self, *a):
        return False

class SyncExit:
    async def __aenter__(self):
        return "entered"
    def __aexit__(self, *a):
        return 2

class Suppress:
    async def __aenter__(self):
        await Suspend("enter")
        return self
    async def __aexit__(self, t, v, tb):
        await Suspend(("exit", t.__name__ if t else None))
        return True

class NoSuppress:
    async def __aenter__(self):
        return self
    async def __aexit__(self, t, v, tb):
        return None

async def use_cm(cm, fail=False):
    async with cm as x:
        if fail:
            raise ValueError("inside")
        return "body ran"

attempt("with int", use_cm, 1)
attempt("with no __aenter__", use_cm, NoAenter())
attempt("with no __aexit__", use_cm, NoAexit())
attempt("with sync __aenter__", use_cm, SyncEnter())
attempt("with sync __aexit__", use_cm, SyncExit())
attempt("with sync __aexit__ on error", use_cm, SyncExit(), True)
attempt("with suppress", use_cm, Suppress(), True)
attempt("with no suppress", use_cm, NoSuppress(), True)


# --- async for
class NoAnext:
    def __aiter__(self):
        return 1

class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 7

class SyncAiter:
    def __aiter__(self):
        return self
    def __anext__(self):
        return Suspend("next")

async def use_for(it):
    out = []
    async for v in it:
        out.append(v)
        if len(out) > 2:
            break
    return out

attempt("for int", use_for, 1)
attempt("for list", use_for, [1, 2])
attempt("for no __anext__", use_for, NoAnext())
attempt("for bad __anext__", use_for, BadAnext())
attempt("for sync __anext__ awaitable", use_for, SyncAiter())

# --- coroutine object misuse
async def simple():
    await Suspend("s")
    return "r"

c = simple()
try:
    c.send(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(c)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(c)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in c:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.send()
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.throw()
except TypeError as e:
    print(type(e).__name__, e)
try:
    c.throw(1)
except TypeError as e:
    print(type(e).__name__, e)
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
for action in ("send", "throw", "close"):
    try:
        if action == "send":
            c.send(None)
        elif action == "throw":
            c.throw(ValueError)
        else:
            print("close", c.close())
    except BaseException as e:
        print(action, type(e).__name__, e)
c2 = simple()
try:
    c2.__await__().send(None)
    c2.__await__().send(None)
    c2.__await__().send(None)
except BaseException as e:
    print(type(e).__name__, e)

# running a coroutine from inside itself
async def reentrant():
    me.send(None)

me = reentrant()
try:
    me.send(None)
except ValueError as e:
    print(type(e).__name__, e)

# ignoring GeneratorExit
async def stubborn():
    while True:
        try:
            await Suspend("again")
        except GeneratorExit:
            pass

s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    s.throw(KeyError("stop"))
except KeyError as e:
    print("finished by", type(e).__name__, e)

# awaiting a coroutine that is suspended in another await
async def inner():
    await Suspend("inner")

busy = inner()
busy.send(None)
async def steal():
    await busy
try:
    run(steal())
except RuntimeError as e:
    print(type(e).__name__, e)
busy.close()

# yield from a coroutine in a plain generator
def plain_gen():
    yield from simple()
try:
    list(plain_gen())
except TypeError as e:
    print(type(e).__name__, e)

# StopIteration / StopAsyncIteration leaking out of a coroutine or async generator body
async def raises_stop():
    raise StopIteration("leak")

async def agen_raises(exc):
    yield 1
    raise exc

attempt("coroutine StopIteration", raises_stop)
try:
    raises_stop().send(None)
except RuntimeError as e:
    print(type(e).__name__, e, "|", type(e.__cause__).__name__, e.__cause__)

async def drain(g):
    return [x async for x in g]

attempt("agen StopIteration", drain, agen_raises(StopIteration))
attempt("agen StopAsyncIteration", drain, agen_raises(StopAsyncIteration))
attempt("agen ValueError", drain, agen_raises(ValueError("v")))

# --- async generator misuse
async def counter():
    yield 1
    yield 2

g = counter()
try:
    iter(g)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(g)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.asend("x").send(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.__anext__().send("x")
except BaseException as e:
    print(type(e).__name__, e)

async def ignore_exit():
    try:
        yield 1
    finally:
        yield 2

async def close_ignore():
    g = ignore_exit()
    await g.__anext__()
    await g.aclose()

attempt("aclose ignored", close_ignore)

async def await_in_agen():
    yield 1
    await Suspend("waiting in agen")
    yield 2

g = await_in_agen()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("first", e.value)
first = g.__anext__()
print(first.send(None))
second = g.__anext__()
try:
    second.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
closer = g.aclose()
try:
    closer.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    closer.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
thrower = g.athrow(ValueError)
try:
    thrower.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    first.send(None)
except StopIteration as e:
    print("second value", e.value)
fresh = counter()
try:
    fresh.athrow(ValueError).send(1)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    fresh.asend()
except TypeError as e:
    print(type(e).__name__, e)
try:
    fresh.aclose(1)
except TypeError as e:
    print(type(e).__name__, e)

# aiter / anext builtins on bad objects
class BadAiter:
    def __aiter__(self):
        return 3

for f, args in [(aiter, (1,)), (aiter, (BadAiter(),)), (anext, (1,)), (anext, ([], 0)),
                (aiter, ()), (anext, ()), (anext, (counter(), 1, 2))]:
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
