# Calls whose callee changes after the call site specialized.
def f(a, b):
    return a + b

def g(a, b=10):
    return a * b

def caller(fn, x):
    return fn(x, 2)

print([caller(f, i) for i in range(60)][-1])
print(caller(g, 3), caller(max, 3), caller(lambda *a: a, 1))
print(caller(lambda a, b, c=0: (a, b, c), 1))
try:
    caller(lambda a: a, 1)
except TypeError as e:
    print("TypeError", e)

class C:
    def m(self, x):
        return ("m", x)
    @staticmethod
    def s(x):
        return ("s", x)
    @classmethod
    def c(cls, x):
        return ("c", cls.__name__, x)

def call_m(o, x):
    return o.m(x)

objs = [C() for _ in range(60)]
print([call_m(o, 1) for o in objs][-1])
C.m = C.s
print(call_m(objs[0], 2))
C.m = C.c
print(call_m(objs[0], 3))
C.m = lambda self, x, y=5: ("new", x, y)
print(call_m(objs[0], 4))

def bound(fn):
    return fn(7)
o = C()
o.m = C.s
print([bound(C().m.__get__(o)) for _ in range(2)], bound(C.s))

def n(x):
    return len(x)
print([n("ab") for _ in range(60)][-1], n([1, 2, 3]), n({}))
try:
    n(5)
except TypeError as e:
    print("TypeError", e)

def inst(x, t):
    return isinstance(x, t)
print([inst(1, int) for _ in range(60)][-1], inst("a", (int, str)), inst(1, str))

def ty(x):
    return type(x)
print([ty(1) for _ in range(60)][-1], ty("s"), ty(C()).__name__)

def app(l, x):
    l.append(x)
    return l
l = []
for i in range(60):
    app(l, i)
class MyList(list):
    def append(self, x):
        super().append(("wrapped", x))
print(len(l), app(MyList(), 1), app([], 2))

def make(cls, *a):
    return cls(*a)
print([make(C) for _ in range(60)][-1].__class__.__name__, make(int, "7"), make(dict))

def deep(n):
    return n if n == 0 else deep(n - 1)
print(deep(500))
import sys
sys.setrecursionlimit(100)
try:
    deep(200)
except RecursionError as e:
    print("RecursionError", e)
