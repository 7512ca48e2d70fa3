# gen: finalization of coroutines and async generators at their last reference; the never-awaited warning
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got


async def worker(name):
    try:
        await Suspend(name)
        await Suspend(name)
    finally:
        print("worker finally", name)


c = worker("a")
print(c.send(None))
del c                       # closed: its finally runs now
print("after del")


def scope():
    c = worker("b")
    c.send(None)
    print("leaving scope")

scope()
print("after scope")


async def agen():
    try:
        yield 1
        yield 2
    finally:
        print("agen finally")

g = agen()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("yielded", e.value)
del g
print("after agen del")


async def agen_await_in_finally():
    try:
        yield 1
    finally:
        print("cleanup starts")
        await Suspend("cannot finish")
        print("never printed")

g = agen_await_in_finally()
try:
    g.__anext__().send(None)
except StopIteration as e:
    print("yielded", e.value)
del g                        # RuntimeError printed as unraisable
print("after second agen del")

# finished or never-started objects need no cleanup
async def quick():
    return 1

q = quick()
try:
    q.send(None)
except StopIteration:
    pass
del q
g = agen()
del g
print("nothing printed")


# a coroutine never awaited warns at its last reference
def forget():
    quick()
    print("forgot")

forget()
print("end")
