# Weak reference callbacks: when they run, in which order, what they see, and how errors in
# them are reported (as unraisable, on stderr) without disturbing the program.
import sys
from _weakref import ref, proxy, getweakrefcount


class Obj:
    def __init__(self, name):
        self.name = name


def named_cb(label):
    def cb(w):
        print("callback", label, "dead:", w() is None)
    return cb


o = Obj("first")
keep = [ref(o, named_cb("one")), ref(o, named_cb("two")), ref(o), ref(o, named_cb("three")),
        proxy(o, lambda p: print("proxy callback", type(p).__name__))]
print("count", getweakrefcount(o))
del o
print("after del")

# a ref that dies before its referent never calls back
o = Obj("second")
r = ref(o, named_cb("never"))
del r
del o
print("no callback above")

# callbacks see the exception state untouched, and run during unwinding too
o = Obj("third")
rr = ref(o, named_cb("during except"))
try:
    try:
        raise ValueError("in flight")
    finally:
        del o
except ValueError as e:
    print("caught", e)

# __del__ runs first, then the weak references are cleared
class WithDel:
    def __del__(self):
        print("__del__ runs; ref alive:", wd_ref() is not None)


w = WithDel()
wd_ref = ref(w, named_cb("after __del__"))
del w

# objects inside a dying container
items = [Obj(i) for i in range(3)]
refs = [ref(x, named_cb("item %d" % x.name)) for x in items]
del items
print("list gone")

# functions, methods, generators, sets
def f():
    pass


fr = ref(f, named_cb("function"))
del f
s = {1, 2}
sr = ref(s, named_cb("set"))
s = None
g = (i for i in range(3))
next(g)
gr = ref(g, named_cb("generator"))
del g

# the callback may create new references and objects
holder = []


def resurrecting(w):
    holder.append(Obj("made in callback"))
    print("callback made", holder[-1].name)


o = Obj("x")
r2 = ref(o, resurrecting)
del o
print(len(holder))

# a failing callback is reported on stderr and the program goes on
def bad(w):
    raise KeyError("from callback")


o = Obj("bad")
rb = ref(o, bad)
del o
print("still running")
sys.stdout.flush()


def bad2(w):
    1 / 0


o = Obj("bad2")
rb2 = ref(o, bad2)
del o
print("done")
