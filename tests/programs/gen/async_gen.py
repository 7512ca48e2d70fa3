# gen: async generators driven by hand: __anext__/asend/athrow/aclose awaitables, StopAsyncIteration, aiter/anext
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


async def ticker(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("ticker got", got)
        await Suspend(("tick", i))


async def collect(agen):
    out = []
    async for v in agen:
        out.append(v)
    return out

print(run(collect(ticker(3))))

g = ticker(2)
print(type(g).__name__, g.__name__, g.__qualname__, g.ag_running, g.ag_suspended, g.ag_await)
print(g.ag_code.co_name, g.ag_frame is None or True)
print(g.__aiter__() is g, aiter(g) is g)

# driving the awaitables by hand
a = g.__anext__()
print(type(a).__name__)
try:
    a.send(None)
except StopIteration as e:
    print("yielded", e.value)
a2 = g.asend("hello")
print(a2.send(None))              # the Suspend request passes through to the driver
print(g.ag_running, g.ag_await is not None)
try:
    a2.send(None)
except StopIteration as e:
    print("yielded", e.value)
print(g.ag_running)
try:
    a2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)

# exhausting: StopAsyncIteration
a3 = g.__anext__()
print(a3.send(None))
try:
    a3.send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)
a4 = g.__anext__()
try:
    a4.send(None)
except StopAsyncIteration as e:
    print("again StopAsyncIteration")

# anext() with and without default
async def two():
    yield 1
    yield 2

async def use_anext():
    it = two()
    out = [await anext(it), await anext(it)]
    out.append(await anext(it, "dflt"))
    try:
        await anext(it)
    except StopAsyncIteration:
        out.append("stop")
    return out

print(run(use_anext()))

# athrow: caught inside, the generator continues
async def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            yield "recovered " + str(e)

async def use_athrow():
    g = resilient()
    out = [await g.__anext__()]
    out.append(await g.athrow(ValueError("bad")))
    out.append(await g.__anext__())
    out.append(await g.athrow(ValueError("worse")))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("closed")
    return out

print(run(use_athrow()))

# athrow not caught: propagates to the awaiter
async def fragile():
    yield 1
    yield 2

async def use_fragile():
    g = fragile()
    await g.__anext__()
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("propagated", e)
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("finished after athrow")

run(use_fragile())

# aclose runs finally blocks, which may await
log = []
async def cleanup():
    try:
        yield 1
        yield 2
    finally:
        log.append("finally start")
        await Suspend("cleanup await")
        log.append("finally end")

async def use_cleanup():
    g = cleanup()
    print(await g.__anext__())
    await g.aclose()
    await g.aclose()   # closing again is a no-op

print(run(use_cleanup()))
print(log)

# aclose on a generator that never started
async def never():
    yield 1

async def close_never():
    g = never()
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        return "never started, closed"

print(run(close_never()))

# return inside an async generator ends it
async def early(n):
    for i in range(10):
        if i == n:
            return
        yield i

async def collect_early():
    return [x async for x in early(3)]

print(run(collect_early()))

# asend values into an async generator
async def echo():
    received = []
    while True:
        v = yield len(received)
        if v is None:
            break
        received.append(v)
    yield received

async def use_echo():
    g = echo()
    out = [await g.asend(None)]
    for x in "abc":
        out.append(await g.asend(x))
    out.append(await g.asend(None))
    return out

print(run(use_echo()))

# await inside an async generator passes values to the driver
async def fetcher(keys):
    for k in keys:
        v = await Suspend(("get", k))
        yield k, v

async def use_fetcher():
    return [kv async for kv in fetcher("xy")]

print(run(use_fetcher(), lambda req: req[1] * 3))

# a class with __aiter__/__anext__ returning awaitables
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Suspend(("count", self.n))
        return self.n

async def use_countdown():
    out = []
    async for v in Countdown(3):
        out.append(v)
    return out, await anext(Countdown(0), "empty")

print(run(use_countdown()))

# async generator expressions
async def agenexp():
    ge = (x * x async for x in ticker(4))
    print(type(ge).__name__)
    return [v async for v in ge]

print(run(agenexp()))

# the repr mentions the qualified name
print(repr(ticker(1)).startswith("<async_generator object ticker at 0x"))
