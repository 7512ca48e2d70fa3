# Each loop runs one call site long enough to specialize, then changes the operand types.
def add(a, b):
    return a + b

def run(pairs):
    out = []
    for a, b in pairs:
        out.append(add(a, b))
    return out

ints = [(i, i + 1) for i in range(100)]
print(run(ints)[-3:])
print(run(ints + [(1.5, 2), (2, 0.25), (1.0, 2.0)])[-3:])
print(run(ints + [("a", "b"), ([1], [2]), ((1,), (2,))])[-3:])
print(run(ints + [(2**62, 2**62), (-2**63, -1)])[-2:])

def ops(a, b):
    return (a - b, a * b, a // b, a % b, a & b, a | b, a ^ b, a << 3, a >> 1, a / b)

for x, y in [(7, 3)] * 60 + [(-7, 3), (7, -3), (2**40, 3)]:
    r = ops(x, y)
print(r)
try:
    for x, y in [(7, 3)] * 60 + [(1, 0)]:
        ops(x, y)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(ops(7.5, 2.0))
print(ops.__name__, [ops(5, 2)[0] for _ in range(3)])

def fops(a, b):
    return a + b, a - b, a * b, a / b

for i in range(60):
    r = fops(1.5 * i, 0.5)
print(r, fops(3, 0.5), fops(0.5, 3))
try:
    fops(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

def cmp(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)

for v in [(1, 2)] * 60 + [(2.5, 2), (2, 2.0), ("a", "b"), ("é", "e"), ((1, 2), (1, 3)), (float("nan"), 1.0)]:
    print(v, cmp(*v))

def sub(c, k):
    return c[k]

for c, k in [([1, 2, 3], 1)] * 60 + [([1, 2, 3], -1), ((4, 5), 0), ("héllo", 1), ("abc", -1), ({"k": 9}, "k"), ([1, 2, 3], slice(1, None))]:
    print(sub(c, k), end=" ")
print()
for bad in [([1], 5), ((1,), -3), ("ab", 2), ({}, "x"), ([1], "x")]:
    try:
        sub(*bad)
    except (IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)

def setitem(c, k, v):
    c[k] = v
    return c

l = [0] * 5
for i in range(60):
    setitem(l, i % 5, i)
print(l, setitem({}, "a", 1), setitem(l, -1, "neg"))
try:
    setitem(l, 10, 0)
except IndexError as e:
    print("IndexError", e)

def unpack(s):
    a, b = s
    return a, b

for s in [(1, 2)] * 60 + [[3, 4], "xy", iter((5, 6)), {7: 0, 8: 0}]:
    r = unpack(s)
print(r)
try:
    unpack((1, 2, 3))
except ValueError as e:
    print("ValueError", e)

def unpack3(s):
    a, b, c = s
    return c

print([unpack3(s) for s in [(1, 2, 3)] * 60 + [[4, 5, 6], (7, 8, 9)]][-3:])

def has(c, x):
    return x in c

print([has(c, 1) for c in [{1: 2}] * 60 + [{1}, frozenset([2]), [1], "a1" and {"x"}, range(3)]][-5:])

def loop(it):
    t = 0
    for x in it:
        t += x
    return t

def gen(n):
    yield from range(n)

print([loop(it) for it in [range(10)] * 60 + [[1, 2], (3, 4), gen(5), {6: 0}, iter([7])]][-6:])
