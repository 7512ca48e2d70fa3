# Generator basics: iteration, return values, exhaustion, attributes.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print(list(count(5)))
g = count(2)
print(type(g).__name__, g.__name__, g.__qualname__)
r = repr(g)
print(r.startswith("<generator object count at 0x"), r.endswith(">"))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", repr(e.value), e.args)
# Exhausted generators stay exhausted.
for _ in range(2):
    try:
        next(g)
    except StopIteration as e:
        print("again", e.value, e.args)
print(next(g, "default"))
print(list(g))


def empty():
    return 5
    yield


e = empty()
try:
    next(e)
except StopIteration as ex:
    print("empty returned", ex.value)


def noreturn():
    yield 1


n = noreturn()
next(n)
try:
    next(n)
except StopIteration as ex:
    print("value is None:", ex.value is None, ex.args)


# Arguments, defaults, keyword-only, *args, **kwargs, closures.
def gen_args(a, b=2, *rest, c, d=4, **kw):
    yield a
    yield b
    yield rest
    yield c
    yield d
    yield sorted(kw.items())


print(list(gen_args(1, c=3)))
print(list(gen_args(1, 5, 6, 7, c=8, d=9, z=10, y=11)))


def outer(k):
    def inner(n):
        for i in range(n):
            yield i * k

    return inner


print(list(outer(3)(4)))


def counter():
    total = 0

    def add(n):
        nonlocal total
        for i in range(n):
            total += i
            yield total

    return add


add = counter()
print(list(add(4)), list(add(3)))


# Qualified names.
def make():
    def local_gen():
        yield 1

    return local_gen()


lg = make()
print(lg.__name__, lg.__qualname__)
lg.__name__ = "renamed"
lg.__qualname__ = "q.renamed"
print(lg.__name__, lg.__qualname__, repr(lg).startswith("<generator object q.renamed at"))
try:
    lg.__name__ = 5
except TypeError as ex:
    print("TypeError:", ex)
try:
    lg.__qualname__ = None
except TypeError as ex:
    print("TypeError:", ex)

# Attributes.
g = count(3)
print(g.gi_running, g.gi_yieldfrom, g.gi_code.co_name, g.gi_suspended)
next(g)
print(g.gi_running, g.gi_suspended)
list(g)
print(g.gi_running, g.gi_frame, g.gi_suspended)


def running():
    yield gr.gi_running


gr = running()
print(next(gr))
print(iter(gr) is gr, gr.__iter__() is gr)
print(hasattr(gr, "send"), hasattr(gr, "throw"), hasattr(gr, "close"))

# Generators are iterators: next() works, and so does __next__.
h = count(3)
print(h.__next__(), next(h), h.__next__())
try:
    h.__next__()
except StopIteration as ex:
    print("via __next__:", ex.value)

# Many independent generators at once.
gens = [count(3) for _ in range(4)]
out = []
for step in range(3):
    for gg in gens:
        out.append(next(gg))
print(out)

# Deep generator chains don't blow the recursion limit in normal use.
def chain(depth):
    if depth == 0:
        yield 0
        return
    for x in chain(depth - 1):
        yield x + 1


print(list(chain(50)))
print(sys.getrecursionlimit() > 100)
