# PEP 479: StopIteration raised inside a generator becomes RuntimeError.
def g():
    yield 1
    raise StopIteration("inner")


it = g()
print(next(it))
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__), e.__suppress_context__)
    print("context is cause:", e.__context__ is e.__cause__)
print(list(it))


def h():
    yield next(iter([]))


try:
    list(h())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)


# Catching StopIteration inside the generator is fine.
def safe():
    try:
        next(iter([]))
    except StopIteration:
        yield "caught inside"


print(list(safe()))


# In a for loop the RuntimeError propagates.
def loop_body():
    for x in range(3):
        if x == 1:
            raise StopIteration
        yield x


got = []
try:
    for v in loop_body():
        got.append(v)
except RuntimeError as e:
    print(got, e)


# Return in a generator is StopIteration(value) for the resumer.
def ret():
    yield 1
    return [1, 2]


r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value)


# A returned tuple or exception is wrapped, not unpacked.
def ret_tuple():
    return (1, 2)
    yield


try:
    next(ret_tuple())
except StopIteration as e:
    print(e.value, e.args)


def ret_exc():
    return ValueError("v")
    yield


try:
    next(ret_exc())
except StopIteration as e:
    print(repr(e.value))

# Genexps convert StopIteration too.
try:
    list(next(iter([])) for _ in range(2))
except RuntimeError as e:
    print("genexp RuntimeError:", e)
