# Generators driven by for loops and yield from (resumed inside the eval loop).
import sys


def show(tag):
    e = sys.exception()
    print(tag, None if e is None else repr(e))


def gen_in_handler():
    try:
        raise ValueError("gen's own")
    except ValueError:
        yield 1
        show("gen resumed in its handler")
    yield 2
    show("gen after handler")


try:
    raise KeyError("loop's")
except KeyError:
    for x in gen_in_handler():
        show("loop body %d" % x)
show("after loop")


# Exceptions raised by the generator propagate to the loop with the generator's frame in the
# traceback, and leave it exhausted.
def fails_after(n):
    for i in range(n):
        yield i
    raise LookupError("exhausted")


g = fails_after(2)
seen = []
try:
    for v in g:
        seen.append(v)
except LookupError as e:
    print("caught", e, seen)
print(list(g))


# Exceptions raised by the loop body don't touch the generator.
def forever():
    i = 0
    while True:
        yield i
        i += 1


g = forever()
try:
    for v in g:
        if v == 3:
            raise OverflowError("body")
except OverflowError:
    pass
print(next(g), g.gi_running)


# The generator's return value is discarded by for.
def ret():
    yield "a"
    return "ignored"


for v in ret():
    print(v)
else:
    print("else clause runs")


# Nested for loops over generators, with break and continue.
def rng(n):
    i = 0
    while i < n:
        yield i
        i += 1


out = []
for a in rng(4):
    if a == 1:
        continue
    for b in rng(4):
        if b > a:
            break
        out.append((a, b))
print(out)


# Generator resuming another one with next() while being iterated with for.
def pairs(it):
    for first in it:
        try:
            second = next(it)
        except StopIteration:
            return
        yield first, second


print(list(pairs(rng(5))))
print(list(pairs(iter(range(6)))))


# A generator calling functions that iterate other generators.
def total(it):
    s = 0
    for x in it:
        s += x
    return s


def sums():
    for n in rng(4):
        yield total(rng(n))


print(list(sums()))


# Yield inside try/finally inside loops, with early exit from the outer loop.
def guarded(name):
    try:
        for i in rng(3):
            try:
                yield i
            finally:
                print(name, "inner finally", i)
    finally:
        print(name, "outer finally")


for v in guarded("g1"):
    if v == 1:
        break
print("after break")

for v in guarded("g2"):
    pass
print("after full run")


# yield from in a for loop, exceptions crossing two generator frames.
def inner():
    yield 1
    raise ArithmeticError("deep")


def middle():
    try:
        yield from inner()
    except ArithmeticError as e:
        yield "middle caught " + str(e)
        raise


try:
    for v in middle():
        print(v)
except ArithmeticError as e:
    print("loop caught", e)


# StopIteration raised by the loop body isn't confused with exhaustion.
def two():
    yield 1
    yield 2


try:
    for v in two():
        raise StopIteration("body")
except StopIteration as e:
    print("body StopIteration", e)


# Modifying a list while a generator iterates it.
data = [1, 2, 3]


def walk(lst):
    for x in lst:
        yield x


for x in walk(data):
    if x == 1:
        data.append(4)
    print(x, end=" ")
print()


# Comprehensions over generators.
print([x * 2 for x in rng(4)], {x: x for x in rng(3)})
print([y for x in rng(3) for y in rng(x)])
