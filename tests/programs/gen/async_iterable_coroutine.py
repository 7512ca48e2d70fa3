# gen: generator-based coroutines (CO_ITERABLE_COROUTINE, what types.coroutine sets): awaitable, may 'yield from' coroutines; __code__ and code.replace
def coroutine(func):
    """What types.coroutine does to a generator function."""
    co = func.__code__
    func.__code__ = co.replace(co_flags=co.co_flags | 0x100)
    return func


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


@coroutine
def sleep(n):
    got = yield ("sleep", n)
    return got


def plain_sleep(n):
    got = yield ("sleep", n)
    return got


print(hex(sleep.__code__.co_flags & 0x1a0), hex(plain_sleep.__code__.co_flags & 0x1a0))
print(type(sleep(1)).__name__)


async def main():
    a = await sleep(1)
    b = await sleep(2)
    return a, b

print(run(main(), lambda req: req[1] * 100))


async def await_plain():
    return await plain_sleep(1)

try:
    run(await_plain())
except TypeError as e:
    print(type(e).__name__, e)


# a generator-based coroutine may 'yield from' a native coroutine
async def native(x):
    return await sleep(x)

@coroutine
def bridge(x):
    r = yield from native(x)
    return ("bridged", r)

async def use_bridge():
    return await bridge(5)

print(run(use_bridge(), lambda req: -req[1]))

# ... and can be driven like any generator
g = bridge(3)
print(next(g))
try:
    g.send("answer")
except StopIteration as e:
    print(e.value)


# the decorated function keeps its identity; the old code object is untouched
def original():
    yield 1

old = original.__code__
coroutine(original)
print(original.__code__ is old, old.co_flags & 0x100, original.__code__.co_flags & 0x100)
print(original.__code__.co_name, original.__code__.co_qualname)

# a generator created before the code was replaced keeps running the old code
def counting():
    yield 1
    yield 2
    yield 3

early = counting()
print(next(early))
counting.__code__ = (lambda: (yield "new")).__code__
print(list(early), list(counting()))

# code.replace errors
c = counting.__code__
for kw in [{"co_bogus": 1}, {"co_flags": "x"}, {"co_name": 3}]:
    try:
        c.replace(**kw)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(type(e).__name__, e)
print(c.replace(co_name="renamed").co_name, c.replace().co_name == c.co_name)

# __code__ assignment errors
def f():
    pass

def make(x):
    def inner():
        return x
    return inner

try:
    f.__code__ = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.__code__ = make(1).__code__
except ValueError as e:
    print(type(e).__name__, e)
f.__code__ = (lambda: "swapped").__code__
print(f())
