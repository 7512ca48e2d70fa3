# lang (phase 3): async def/await without asyncio: coroutines driven by hand with send(), custom awaitables, async for/with
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got
async def add_later(a, b):
    x = await Suspend(("need", a))
    y = await Suspend(("need", b))
    return x + y
async def main():
    r1 = await add_later(1, 2)
    r2 = await add_later(10, 20)
    return [r1, r2]
def run(coro):
    trace = []
    value = None
    while True:
        try:
            req = coro.send(value)
        except StopIteration as e:
            return e.value, trace
        trace.append(req)
        value = req[1] * 100
print(run(main()))
c = main()
print(type(c).__name__)
c.close()
class AsyncIter:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Suspend(("tick", self.i))
        return self.i
class ACM:
    async def __aenter__(self):
        await Suspend(("enter", 0))
        return "resource"
    async def __aexit__(self, *exc):
        await Suspend(("exit", 0))
        return False
async def uses_async_for():
    out = []
    async with ACM() as r:
        out.append(r)
        async for v in AsyncIter(3):
            out.append(v)
    return out
print(run(uses_async_for()))
async def agen():
    for i in range(3):
        yield i * 10
async def consume():
    return [v async for v in agen()]
print(run(consume()))
