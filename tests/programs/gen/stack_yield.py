# Yields with live values on the generator's stack: they must survive suspension.
def args_pending():
    print("call", 1, "two", (yield "first"), [(yield "second")], 5.5)
    d = {"a": (yield "third"), "b": [1, (yield "fourth"), 3]}
    print(d)
    s = f"{(yield 'fifth')}-{(yield 'sixth')}"
    print(s)
    t = (1, 2, *(yield "seventh"), 9)
    print(t)
    total = 0
    for x in [10, 20, 30]:
        for y in range(2):
            total += (yield (x, y)) or 0
    print("total", total)
    return total


g = args_pending()
out = [next(g)]
for v in ["A", "B", "C", "D", "E", "F", (7, 8)]:
    out.append(g.send(v))
print(out)
step = 1
try:
    while True:
        out.append(g.send(step))
        step += 1
except StopIteration as e:
    print("returned", e.value)
print(out[-3:])


# Many locals, big and small values.
def many_locals():
    a = 1
    b = 2.5
    c = "short"
    d = "a much longer string that lives on the heap"
    e = [1, 2, 3]
    f = {"k": "v"}
    g = 2 ** 100
    h = None
    i = True
    j = (a, b, c)
    yield a, b, c, d, e, f, g, h, i, j
    a += 1
    e.append(4)
    g *= 2
    yield a, b, c, d, e, f, g, h, i, j


for v in many_locals():
    print(v)


# Cells shared between a generator and a closure survive suspension.
def with_closure():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n

    yield bump
    yield n
    yield n


g = with_closure()
b = next(g)
b()
b()
print(next(g))
b()
print(next(g))


# Exception handlers with values below them on the stack.
def handler_depth():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
            yield ("ok", i)
        except ValueError as e:
            yield ("caught", e.args[0])
        finally:
            yield ("finally", i)


print(list(handler_depth()))


# Big generator frames (a deep expression stack).
def deep():
    yield [[[[[[[[(yield 1), (yield 2)]]]]]]]]


g = deep()
print(next(g), g.send("x"))
try:
    g.send("y")
except StopIteration:
    pass
d = deep()
next(d)
d.send(1)
print(d.send(2))
