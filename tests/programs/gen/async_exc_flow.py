# gen: exception state across awaits, throw/close through await chains and iterators without throw/close, uncaught errors in coroutines
import sys
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        try:
            got = yield self.value
        except Exception as e:
            print("Suspend saw", type(e).__name__, e)
            raise
        finally:
            print("Suspend finally", self.value)
        return got

class NoThrow:
    """iterator without throw/close"""
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration("nt done")
        return "nt%d" % self.n
class NT:
    def __await__(self): return NoThrow()

async def handled_ctx():
    try:
        raise KeyError("outer")
    except KeyError:
        print("exc before await", repr(sys.exception()))
        await Suspend("in except")
        print("exc after await", repr(sys.exception()))
    print("exc after block", repr(sys.exception()))
    return "ok"

c = handled_ctx()
print(c.send(None))
print("driver sees", repr(sys.exception()))
try:
    raise ValueError("driver")
except ValueError:
    try:
        c.send(None)
    except StopIteration as e:
        print("stop", e.value)
    print("driver still", repr(sys.exception()))

async def chain3():
    return await chain2()
async def chain2():
    return await Suspend("deep")
c = chain3()
print(c.send(None))
print(type(c.cr_await).__name__, type(c.cr_await.cr_await).__name__)
c.close()
print("closed chain", c.cr_await)

c = chain3()
c.send(None)
try:
    c.throw(ValueError("into chain"))
except ValueError as e:
    print("out", e, e.__context__)

async def nt():
    return await NT()
c = nt()
print(c.send(None))
try:
    c.throw(ValueError("nothrow"))
except ValueError as e:
    print("nothrow out", e)
c = nt()
print(c.send(None))
c.close()
print("nt closed")
c = nt()
print(c.send(None), c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("nt result", e.value)

# 3-arg throw on a coroutine
async def simple():
    await Suspend("s")
c = simple()
c.send(None)
try:
    c.throw(ValueError, "msg")
except ValueError as e:
    print("3arg", e)

# uncaught exception traceback through coroutines
async def bottom():
    await Suspend("b")
    1 / 0
async def topc():
    await bottom()
c = topc()
c.send(None)
try:
    c.send(None)
except ZeroDivisionError as e:
    tb = e.__traceback__
    n = 0
    while tb:
        n += 1
        tb = tb.tb_next
    print("tb depth", n)
c = topc()
c.send(None)
c.send(None)
