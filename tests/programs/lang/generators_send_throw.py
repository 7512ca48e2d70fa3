# lang (phase 3): generator send/throw/close, GeneratorExit, priming, values of yield expressions
def echo():
    received = []
    while True:
        try:
            v = yield len(received)
        except ValueError as e:
            received.append("threw " + str(e))
            continue
        except GeneratorExit:
            print("closing with", received)
            raise
        received.append(v)
g = echo()
print(next(g), g.send("a"), g.send("b"), g.throw(ValueError("x")), g.send(None))
g.close()
g.close()
try:
    g.send(1)
except StopIteration:
    print("send after close -> StopIteration")
def fresh():
    yield 1
try:
    fresh().send("not none")
except TypeError as e:
    print("TypeError:", e)
def averager():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
a = averager()
next(a)
print([a.send(v) for v in [10, 20, 60]])
def thrower():
    yield 1
t = thrower()
next(t)
try:
    t.throw(KeyError("k"))
except KeyError as e:
    print("propagated:", repr(e))
def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ie = ignores_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def running():
    yield gen_ref.send(None)
gen_ref = running()
try:
    next(gen_ref)
except ValueError as e:
    print("ValueError:", e)
