# lang (phase 3): yield from delegation: values, return value, send/throw passed through, nested delegation
def inner():
    x = yield "i1"
    y = yield f"i2 got {x}"
    return f"inner result ({y})"
def outer():
    r = yield from inner()
    yield "outer saw " + r
    yield from range(2)
    yield from "ab"
g = outer()
print(next(g), g.send("X"), g.send("Y"), list(g))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))
def catcher():
    try:
        yield 1
    except KeyError:
        yield "inner caught KeyError"
def delegator():
    yield from catcher()
d = delegator()
next(d)
print(d.throw(KeyError))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "xy", {4: 0})))
def ret_only():
    return 7
    yield
def uses_ret():
    v = yield from ret_only()
    yield v
print(list(uses_ret()))
