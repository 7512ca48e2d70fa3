# gen: async with / async for control flow (break, continue, return, exceptions, nesting) and async comprehensions
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


log = []

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        log.append(("enter", self.name))
        await Suspend(("enter", self.name))
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        log.append(("exit", self.name, t.__name__ if t else None, str(v) if v else None))
        await Suspend(("exit", self.name))
        return self.suppress


class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


async def agen_range(n):
    for i in range(n):
        await Suspend(("agen", i))
        yield i


async def nested():
    async with CM("a") as a, CM("b") as b:
        async with CM("c") as c:
            return a + b + c

print(run(nested()))
print(log)
log.clear()


async def exc_in_body():
    try:
        async with CM("x"):
            raise KeyError("k")
    except KeyError as e:
        return "caught " + str(e)

print(run(exc_in_body()))
print(log)
log.clear()


async def suppressed():
    async with CM("s", suppress=True):
        raise ValueError("hidden")
    return "after"

print(run(suppressed()))
print(log)
log.clear()


async def flow():
    out = []
    async for i in ARange(10):
        if i == 1:
            continue
        if i == 5:
            break
        async with CM(str(i)) as n:
            if i == 3:
                continue
            out.append(n)
    else:
        out.append("no-break")
    async for i in ARange(2):
        out.append(i)
    else:
        out.append("else ran")
    return out

print(run(flow()))
print(log)
log.clear()


async def return_in_for():
    async for i in agen_range(5):
        if i == 2:
            return i
    return None

print(run(return_in_for()))


async def exc_in_for():
    try:
        async for i in agen_range(5):
            if i == 1:
                raise IndexError(i)
    except IndexError as e:
        return "index", e.args

print(run(exc_in_for()))


async def nested_for():
    out = []
    async for i in ARange(3):
        async for j in agen_range(i):
            out.append((i, j))
    return out

print(run(nested_for()))


# comprehensions of every kind
async def comps():
    lst = [x async for x in ARange(4)]
    st = {x % 2 async for x in ARange(4)}
    dct = {x: x * x async for x in agen_range(3)}
    filt = [x async for x in ARange(6) if x % 2]
    aw = [await Suspend(("c", x)) for x in range(2)]
    mixed = [(x, y) async for x in ARange(2) for y in "ab"]
    gen = (x + 1 async for x in ARange(3))
    fromgen = [v async for v in gen]
    return lst, sorted(st), dct, filt, aw, mixed, fromgen

print(run(comps(), lambda r: r[1] * 10))


# async generator using async with and async for
async def pipeline():
    async with CM("p") as p:
        async for i in agen_range(3):
            yield p, i

async def consume():
    return [x async for x in pipeline()]

print(run(consume()))
print(log)
log.clear()


# closing an async generator in the middle of async with runs __aexit__
async def close_mid():
    g = pipeline()
    first = await g.__anext__()
    await g.aclose()
    return first

print(run(close_mid()))
print(log)
log.clear()


# try/finally and except around awaits in a loop
async def retries():
    attempts = 0
    while True:
        try:
            attempts += 1
            r = await Suspend(("try", attempts))
            if r == "fail":
                raise ConnectionError("again")
            return attempts, r
        except ConnectionError:
            continue
        finally:
            log.append(("finally", attempts))

answers = iter(["fail", "fail", "ok"])
print(run(retries(), lambda r: next(answers)))
print(log)
log.clear()


# a coroutine suspended inside async with, thrown into
async def throw_target():
    async with CM("t"):
        await Suspend("inside")
        return "not reached"

c = throw_target()
print(c.send(None))
print(c.send(None))
try:
    print(c.throw(RuntimeError("thrown")))
    c.send(None)
except RuntimeError as e:
    print("out", e)
except StopIteration as e:
    print("stop", e.value)
print(log)
log.clear()
