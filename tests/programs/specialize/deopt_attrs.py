# Attribute loads and stores whose classes and instances change after specialization.
class P:
    def __init__(self, x):
        self.x = x
    def get(self):
        return self.x

def read(o):
    return o.x

def call_get(o):
    return o.get()

ps = [P(i) for i in range(60)]
print(sum(read(p) for p in ps), sum(call_get(p) for p in ps))

p = P(5)
p.y = 1                      # a new key on the class's shared keys
print(read(p), call_get(p), p.__dict__)
P.get = lambda self: "replaced"   # method replaced on the class
print(call_get(p), call_get(ps[0]))
p.get = lambda: "instance"        # shadowed by an instance attribute
print(call_get(p), call_get(ps[1]))
P.x = property(lambda self: "prop")  # a data descriptor now wins over the instance value
print(read(p), read(ps[2]))
del P.x
print(read(p), read(ps[2]))
d = vars(ps[3])              # dict mode for this instance
d["x"] = "from dict"
print(read(ps[3]), read(ps[4]))

class Q:
    x = "class attr"
q = Q()
print(read(q))
q.x = "inst"
print(read(q))
del q.x
print(read(q))

class S:
    __slots__ = ("x",)
s = S()
s.x = "slot"
print(read(s))
del s.x
try:
    read(s)
except AttributeError as e:
    print("AttributeError", e)

def write(o, v):
    o.x = v

objs = [P(0) for _ in range(60)]
for i, o in enumerate(objs):
    write(o, i)
print(sum(o.x for o in objs))
write(q, "written")
write(s, "slot written")
print(q.x, s.x)
class Frozen:
    def __setattr__(self, k, v):
        raise AttributeError("frozen " + k)
try:
    write(Frozen(), 1)
except AttributeError as e:
    print("AttributeError", e)
class Desc:
    def __set__(self, obj, v):
        print("Desc.__set__", v)
    def __get__(self, obj, t):
        return "Desc.__get__"
P.x = Desc()
write(objs[0], 99)
print(read(objs[0]))
del P.x

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
def who(o):
    return o.who()
print("".join(who(o) for o in [A(), B()] * 40))

import math
def mod_attr(m):
    return m.pi
print([mod_attr(math) for _ in range(60)][-1])
math.pi = 3
print(mod_attr(math))

class K:
    val = 1
def class_attr(c):
    return c.val
print([class_attr(K) for _ in range(60)][-1])
K.val = 2
print(class_attr(K))
class K2(K):
    pass
print(class_attr(K2))
K.val = 3
print(class_attr(K2))
