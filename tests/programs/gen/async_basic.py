# gen: coroutines driven by hand: send/throw/close, await chains, custom awaitables, attributes
class Suspend:
    """An awaitable that yields a request to the driver and returns what the driver sends."""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got


def run(coro, reply=lambda req: req):
    """A tiny scheduler: send replies until the coroutine finishes; returns (result, trace)."""
    trace = []
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value, trace
        trace.append(req)
        value = reply(req)


async def leaf(x):
    got = await Suspend(("leaf", x))
    return got * 2


async def middle(n):
    total = 0
    for i in range(n):
        total += await leaf(i)
    return total


async def top():
    a = await middle(3)
    b = await middle(2)
    return a, b


print(run(top(), lambda req: req[1] + 1))

# a coroutine that never awaits
async def plain(x, *, y=3):
    return x + y

print(run(plain(1)))
print(run(plain(1, y=10)))

# attributes
c = top()
print(type(c).__name__, c.__name__, c.__qualname__)
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_code.co_name, c.cr_origin)
print(c.send(None))
print(c.cr_running, c.cr_suspended, type(c.cr_await).__name__)
print(c.cr_await.cr_await.cr_await is not None, type(c.cr_await.cr_await.cr_await).__name__)
c.close()
print(c.cr_suspended, c.cr_await)


class Holder:
    async def method(self, k):
        return await Suspend(k)
    @staticmethod
    async def static(k):
        return k


h = Holder()
m = h.method(5)
print(m.__qualname__, m.__name__)
m.__name__ = "renamed"
print(m.__name__)
try:
    m.__name__ = 3
except TypeError as e:
    print(type(e).__name__, e)
print(run(m))
print(run(Holder.static(7)))

# __await__ returns a coroutine_wrapper
async def answer():
    return 42

co = answer()
w = co.__await__()
print(type(w).__name__, iter(w) is w)
try:
    w.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
co2 = answer()
try:
    next(co2.__await__())
except StopIteration as e:
    print("next StopIteration", e.value)


# an awaitable whose __await__ delegates to a coroutine's wrapper
class Wrapped:
    def __init__(self, coro):
        self.coro = coro
    def __await__(self):
        return self.coro.__await__()

async def use_wrapped():
    r = await Wrapped(leaf(10))
    return r + 1

print(run(use_wrapped(), lambda r: 5))


# an awaitable with a generator __await__ that yields several times
class Multi:
    def __await__(self):
        a = yield "first"
        b = yield "second"
        return (a, b)

async def use_multi():
    return await Multi()

print(run(use_multi(), lambda r: r.upper()))


# send values in, throw into a suspended coroutine, catch inside
async def catcher():
    try:
        await Suspend("waiting")
    except ValueError as e:
        got = await Suspend(("caught", str(e)))
        return ("handled", got)

c = catcher()
print(c.send(None))
print(c.throw(ValueError("boom")))
try:
    c.send("resumed")
except StopIteration as e:
    print(e.value)

# throw that is not caught propagates out and finishes the coroutine
c = catcher()
c.send(None)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
print(c.cr_suspended)

# close a suspended coroutine: GeneratorExit runs finally blocks
log = []
async def with_finally():
    try:
        await Suspend(1)
        await Suspend(2)
    finally:
        log.append("finally")

c = with_finally()
c.send(None)
c.close()
print(log)
c.close()

# the return value travels in StopIteration.value, including tuples and None
async def ret(v):
    return v

for v in [None, 0, (1, 2), [3], "s"]:
    try:
        ret(v).send(None)
    except StopIteration as e:
        print(repr(e.value), e.args)


# recursion through await
async def fact(n):
    if n <= 1:
        return 1
    return n * await fact(n - 1)

print(run(fact(20)))

# exceptions raised inside nested coroutines get through await
async def fails():
    await Suspend("x")
    raise ZeroDivisionError("deep")

async def outer():
    try:
        await fails()
    except ZeroDivisionError as e:
        return "outer caught " + str(e)

print(run(outer()))


# awaiting the same coroutine object from two places
async def shared():
    await Suspend("s")
    return "done"

s = shared()
async def first():
    return await s
async def second():
    return await s

print(run(first()))
try:
    run(second())
except RuntimeError as e:
    print(type(e).__name__, e)
