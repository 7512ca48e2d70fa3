# One attribute site seeing instances of several classes (each with its own shared keys),
# including attributes at different indices, missing attributes, dict-mode instances and a
# data descriptor appearing on one of the classes mid-loop.
class Base:
    def __init__(self):
        self.head = None
        self.count = 0
    def bump(self):
        self.count += 1
        return self.count

class A(Base):
    def __init__(self):
        self.a_only = "a"
        Base.__init__(self)

class B(Base):
    def __init__(self):
        Base.__init__(self)
        self.b_only = "b"

class C:
    pass

def total(objs):
    t = 0
    for o in objs:
        t += o.bump()
        o.head = t
    return t

objs = [A(), B(), Base()] * 30
print(total(objs), total(objs), [o.head for o in objs[:3]])
vars(objs[1])["count"] = 100          # one instance in dict mode
print(total(objs), objs[1].count)
c = C()
c.count = 5
c.bump = lambda: 1000                  # an instance attribute, not a method
print(total(objs + [c]))
B.head = property(lambda self: "prop", lambda self, v: None)
print(total(objs), [o.head for o in objs[:3]])
del B.head
print([o.head for o in objs[:3]])

def get(o):
    return o.a_only
try:
    for o in objs:
        get(o)
except AttributeError as e:
    print("AttributeError", e)
