# An attribute site alternating between instances of two classes (the second class is served
# from the site's own cache), then a third class, a class whose keys grow, a deleted
# attribute, an instance switched to dict mode and a class that gains a data descriptor.
class P:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

class Q:
    def __init__(self, v):
        self.pad = 0
        self.v = v + 100
        self.w = -v

class R:
    def __init__(self, v):
        self.w = 7
        self.v = v - 1

def read_v(objs):
    s = 0
    for o in objs:
        s += o.v
    return s

def read_w(objs):
    return [o.w for o in objs]

ps = [P(i) for i in range(5)]
qs = [Q(i) for i in range(5)]
mixed = [x for pair in zip(ps, qs) for x in pair]
for _ in range(300):
    r = read_v(mixed)
print(r, read_w(mixed))
three = mixed + [R(3), R(4)]
for _ in range(300):
    r = read_v(three)
print(r, read_w(three))
for _ in range(300):
    r = read_v(mixed)
print(r)

# The second class's shared keys grow (its version changes): the cached index must not be used.
q = Q(50)
q.extra = 1
qs2 = [Q(i) for i in range(3)]
print(read_v(mixed + qs2 + [q]), read_w(qs2 + [q]))

# A deleted attribute on a second-class instance: AttributeError, as without the cache.
qs[2].__dict__  # dict mode for this one
del qs[3].v
try:
    read_v(mixed)
except AttributeError as e:
    print(type(e).__name__, e)
qs[3].v = 9
print(read_v(mixed), qs[2].v)

# The second class gains a data descriptor for the name.
Q.v = property(lambda self: "from property")
try:
    print(read_v(mixed))
except TypeError as e:
    print(type(e).__name__, e)
print([o.v for o in mixed[:4]])
del Q.v
print(read_v(mixed))
