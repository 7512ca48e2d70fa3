# collections.deque (the native _collections.deque): construction, both ends, maxlen,
# rotation, indexing, searching, iteration with mutation checks, repr, comparisons, + and *.
from _collections import deque


def show(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([10, 20])
print(d)
d.extend(d)
print(d, len(d))
d.clear()
print(d, d.maxlen)

# maxlen
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend([20, 21])
print(m)
m.extendleft([30, 31])
print(m)
z = deque([1, 2], 0)
z.append(5)
z.extend([1, 2, 3])
print(z)
show("insert full", lambda: m.insert(0, 99))
print(deque(maxlen=None), deque([], maxlen=5))
show("maxlen -1", lambda: deque([], -1))
show("maxlen str", lambda: deque([], "a"))
show("maxlen float", lambda: deque([], 1.5))
show("too many", lambda: deque(1, 2, 3))
show("bad kw", lambda: deque(foo=1))
show("maxlen set", lambda: setattr(m, "maxlen", 4))

# rotate
r = deque(range(6))
r.rotate()
print(r)
r.rotate(-2)
print(r)
r.rotate(13)
print(r)
r.rotate(0)
print(r)
show("rotate str", lambda: r.rotate("a"))
show("rotate 2 args", lambda: r.rotate(1, 2))

# reverse, count, index, remove, insert
r = deque([1, 2, 3, 2, 1])
r.reverse()
print(r, r.count(2), r.count(7), r.index(2), r.index(2, 2), r.index(1, -1))
show("index missing", lambda: r.index(9))
show("index range", lambda: r.index(3, 3, 4))
show("index str", lambda: r.index(1, "a"))
show("index none", lambda: r.index())
r.remove(2)
print(r)
show("remove missing", lambda: r.remove(9))
r.insert(1, "x")
r.insert(-1, "y")
r.insert(100, "end")
r.insert(-100, "start")
print(r)
show("insert str", lambda: r.insert("a", 1))
show("insert 1 arg", lambda: r.insert(1))

# indexing
q = deque("abcdef")
print(q[0], q[-1], q[2], q[-3])
q[1] = "B"
q[-1] = "F"
del q[2]
del q[-2]
print(q)
show("index out", lambda: q[10])
show("index neg out", lambda: q[-10])
show("index str", lambda: q["a"])
show("slice", lambda: q[1:2])
show("big index", lambda: q[10**30])

# empty pops
show("pop empty", lambda: deque().pop())
show("popleft empty", lambda: deque().popleft())
show("pop arg", lambda: deque([1]).pop(1))
show("append none", lambda: deque().append())

# iteration and mutation
it = iter(deque([1, 2, 3]))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it))
src = deque([1, 2, 3])
try:
    for x in src:
        src.append(x)
except RuntimeError as e:
    print("RuntimeError", e)
src = deque([1, 2, 3])
for x in src:
    src[0] = x  # replacing an item is not a mutation of the shape
print(src)
print(list(reversed(deque([1, 2, 3]))), type(reversed(deque())).__name__)
rv = reversed(src)
next(rv)
src.pop()
show("reversed mutated", lambda: next(rv))


class Evil:
    def __init__(self, d):
        self.d = d

    def __eq__(self, other):
        self.d.append(0)
        return False


e = deque([1, 2, 3])
show("count mutated", lambda: e.count(Evil(e)))
e = deque([1, 2, 3])
show("in mutated", lambda: Evil(e) in e)
e = deque([1, 2, 3])
show("index mutated", lambda: e.index(Evil(e)))
e = deque([1, 2, 3])
show("remove mutated", lambda: e.remove(Evil(e)))
print(2 in deque([1, 2]), 5 in deque([1, 2]), 5 not in deque())

# repr
rec = deque([1])
rec.append(rec)
print(rec)
print(repr(deque(["a", (1, 2)], maxlen=4)))

# comparisons
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(deque([1, 2]) < deque([1, 2, 3]), deque() == deque(), deque([1]) == [1])
show("lt list", lambda: deque([1]) < [1])
show("hash", lambda: hash(deque()))

# + and *
print(deque([1, 2]) + deque([3]), deque([1, 2], maxlen=3) + deque([3, 4]))
show("add list", lambda: deque([1]) + [2])
show("list add", lambda: [1] + deque([2]))
print(deque([1, 2]) * 2, 2 * deque([1]), deque([1, 2]) * 0, deque([1, 2, 3], 4) * 3)
show("mul str", lambda: deque([1]) * "a")
g = deque([1])
g += [2, 3]
g *= 2
print(g)
g += g
print(g)
g *= 0
print(g)

# copy and subclass
c = deque([1, 2], maxlen=5)
c2 = c.copy()
c2.append(3)
print(c, c2, c.__copy__() == c)


class MyDeque(deque):
    pass


md = MyDeque([1, 2, 3], 3)
print(md, type(md.copy()).__name__, md.copy(), type(md + md).__name__)
md.extra = "attr"
print(md.extra, isinstance(md, deque))


class InitDeque(deque):
    def __init__(self, n):
        super().__init__(range(n), maxlen=n + 1)


idq = InitDeque(3)
print(idq, idq.maxlen)
print(deque.__name__, deque.__module__, type(iter(deque())).__name__)
