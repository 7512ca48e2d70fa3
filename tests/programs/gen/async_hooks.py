# gen: sys.set_asyncgen_hooks/get_asyncgen_hooks: argument checks, the asyncgen_hooks tuple, firstiter on first iteration, finalizer at the last reference
import sys
print(sys.get_asyncgen_hooks())
for a,k in [((1,),{}),((None,2),{}),((1,2),{}),((),{'x':1}),((1,2,3),{})]:
    try: sys.set_asyncgen_hooks(*a,**k)
    except Exception as e: print(type(e).__name__, e)
sys.set_asyncgen_hooks(print)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(finalizer=len)
print(sys.get_asyncgen_hooks())
sys.set_asyncgen_hooks(None, None)
print(sys.get_asyncgen_hooks())
h = sys.get_asyncgen_hooks(); print(h.firstiter, h[1], len(h), type(h).__name__, isinstance(h, tuple), h == (None, None))
a, b = h
print(a, b, list(h))

class Suspend:
    def __await__(self):
        yield "s"

log = []
def firstiter(g):
    log.append(("firstiter", g.__name__))
finalized = []
def finalizer(g):
    log.append(("finalizer", g.__name__))
    finalized.append(g)

sys.set_asyncgen_hooks(firstiter, finalizer)
async def agen():
    try:
        yield 1
        yield 2
    finally:
        log.append("agen finally")

g = agen()
log.append("created")
a = g.__anext__()
try:
    a.send(None)
except StopIteration as e:
    log.append(("got", e.value))
g.__anext__()
del a, g
log.append("dropped")
print(log)
# the finalizer kept the generator alive; close it as an event loop would
g2 = finalized.pop()
c = g2.aclose()
try:
    c.send(None)
except StopIteration:
    print("aclosed")
print(log)
sys.set_asyncgen_hooks(None, None)
g = agen()
g.__anext__()
del g
print("no hooks", log[-1])

def bad(g):
    raise ValueError("hook failed")
sys.set_asyncgen_hooks(firstiter=bad)
g = agen()
try:
    g.__anext__()
except ValueError as e:
    print("firstiter error", e)
g.__anext__()
print("second anext ok")
sys.set_asyncgen_hooks(firstiter=None)
