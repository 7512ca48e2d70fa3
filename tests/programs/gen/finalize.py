# Generators are finalized at their last reference.
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finalizing", name)


g = gen("a")
next(g)
print("drop a")
del g
print("after a")

g = gen("b")
next(g)
g = None
print("after b")

# A generator that was never started has nothing to finalize.
g = gen("c")
del g
print("after c")

# Breaking out of a for loop over a temporary generator finalizes it.
for x in gen("d"):
    print("got", x)
    break
print("after d")


# Dropped inside a function: finalized when the frame goes away.
def use():
    h = gen("e")
    next(h)
    print("returning from use")


use()
print("after e")


# Exhausted generators don't run anything again.
g = gen("f")
list(g)
del g
print("after f")


# A generator inside a list.
lst = [gen("g1")]
for x in lst:
    next(x)
del x
del lst
print("after g")


# A generator catching GeneratorExit and continuing.
def cleanup_with_except():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


g = cleanup_with_except()
next(g)
del g
print("after h")


# Finalization preserves the exception being handled.
def in_handler():
    g = gen("i")
    next(g)
    try:
        raise KeyError("k")
    except KeyError as e:
        del g
        print("still handling", repr(e))


in_handler()


# A generator that yields in finally during finalization: RuntimeError is printed to stderr.
def bad():
    try:
        yield 1
    finally:
        yield 2


b = bad()
next(b)
del b
print("after bad")
