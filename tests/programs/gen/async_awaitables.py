# gen: the asend/athrow/anext awaitables driven step by step: send/throw/close in every state, ag_running, 3.12.1's exact messages
class Suspend:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self.value
        return got

def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except BaseException as e:
        print(label, "!!", type(e).__name__, e)

async def ag():
    try:
        yield 1
        x = await Suspend("mid")
        yield x
    except ValueError as e:
        print("ag caught", e)
        yield "after-catch"
    finally:
        print("ag finally")

g = ag()
a = g.__anext__()
show("a.send", lambda: a.send(None))
a2 = g.__anext__()
show("a2.send", lambda: a2.send(None))
show("ag_running", lambda: g.ag_running)
show("a2.throw", lambda: a2.throw(ValueError("thrown via asend")))
show("ag_running", lambda: g.ag_running)
show("a2.send again", lambda: a2.send(None))
t = g.athrow(ValueError, ValueError("x"), None)
show("t.send", lambda: t.send(None))
show("t.throw", lambda: t.throw(KeyError("kk")))
show("ag_running", lambda: g.ag_running)
c = g.aclose()
show("c.send", lambda: c.send(None))
show("c.send2", lambda: c.send(None))

# aclose throw
async def ag2():
    try:
        yield 1
    finally:
        await Suspend("fin")
        print("ag2 finally done")

g = ag2()
show("anext", lambda: g.__anext__().send(None))
c = g.aclose()
show("c.send", lambda: c.send(None))
show("c.throw", lambda: c.throw(GeneratorExit))
show("ag_running", lambda: g.ag_running)

g = ag2()
show("anext", lambda: g.__anext__().send(None))
c = g.aclose()
show("c.send", lambda: c.send(None))
show("c.throw ValueError", lambda: c.throw(ValueError("v")))

g = ag2()
show("anext", lambda: g.__anext__().send(None))
c = g.aclose()
show("c.throw first", lambda: c.throw(KeyError("first")))
show("c.send", lambda: c.send(None))

# athrow on fresh and finished gens
async def ag3():
    yield 1
g = ag3()
show("athrow fresh", lambda: g.athrow(ValueError("v")).send(None))
show("athrow after", lambda: g.athrow(ValueError("v")).send(None))
show("aclose after", lambda: g.aclose().send(None))
show("anext after", lambda: g.__anext__().send(None))
g = ag3()
show("athrow()", lambda: g.athrow().send(None))
show("ag_running", lambda: g.ag_running)
show("athrow(1,2,3,4)", lambda: ag3().athrow(1,2,3,4).send(None))
show("athrow(1)", lambda: ag3().athrow(1).send(None))
show("athrow GeneratorExit fresh", lambda: ag3().athrow(GeneratorExit).send(None))
g = ag3()
g.__anext__().send(None) if False else None
show("throw fresh asend", lambda: ag3().asend(None).throw(ValueError("q")))
show("close asend", lambda: ag3().asend(None).close())
a = ag3().__anext__()
a.close()
show("send closed asend", lambda: a.send(None))
t = ag3().athrow(ValueError)
t.close()
show("send closed athrow", lambda: t.send(None))
show("next(asend)", lambda: next(ag3().__anext__()))
show("list(asend)", lambda: list(ag3().__anext__()))
show("iter asend", lambda: type(iter(ag3().__anext__())).__name__)
show("await asend", lambda: ag3().__anext__().__await__() is not None)

# anext default awaitable direct
async def ag4():
    yield 10
g = ag4()
aw = anext(g, "D")
show("type", lambda: type(aw).__name__)
show("aw.send", lambda: aw.send(None))
aw = anext(g, "D")
show("aw.send2", lambda: aw.send(None))
aw = anext(g, "D")
show("aw.__next__", lambda: aw.__next__())
aw = anext(g, "D")
show("aw.throw", lambda: aw.throw(ValueError("x")))
aw = anext(g, "D")
show("aw.close", lambda: aw.close())
class AI:
    def __aiter__(self): return self
    async def __anext__(self):
        await Suspend("ai")
        raise StopAsyncIteration
aw = anext(AI(), 5)
show("class aw.send", lambda: aw.send(None))
show("class aw.send2", lambda: aw.send(None))
aw = anext(AI(), 5)
show("class aw.send x", lambda: aw.send("x"))
show("class aw.throw", lambda: aw.throw(ValueError("x")))

# several awaitables on one async generator
async def ag():
    for i in range(3):
        await Suspend(("w", i))
        yield i
g = ag()
a1 = g.__anext__()
show("a1", lambda: a1.send(None))
a2 = g.__anext__()
show("a2", lambda: a2.send(None))
show("a2 again", lambda: a2.send(None))
show("running", lambda: g.ag_running)
a3 = g.__anext__()
show("a3.throw while running", lambda: a3.throw(ValueError("t")))
show("running", lambda: g.ag_running)
show("a1 continue", lambda: a1.send(None))
show("running", lambda: g.ag_running)
a4 = g.__anext__()
show("a4.throw fresh", lambda: a4.throw(KeyError("k")))
show("running", lambda: g.ag_running)
g = ag()
t = g.athrow(ValueError("x"))
show("athrow throw INIT", lambda: t.throw(KeyError("k2")))
show("running", lambda: g.ag_running)
show("t.send", lambda: t.send(None))
g = ag()
show("a.send", lambda: g.__anext__().send(None))
t = g.athrow(ValueError("x"))
show("athrow send", lambda: t.send(None))
show("running", lambda: g.ag_running)
show("anext during athrow", lambda: g.__anext__().send(None))
show("t.throw", lambda: t.throw(ValueError("y")))
show("running", lambda: g.ag_running)
