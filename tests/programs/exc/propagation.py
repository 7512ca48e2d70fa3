# exc: exceptions propagating through several frames, running each frame's finally, caught at different levels
log = []
def a(kind):
    try:
        b(kind)
        log.append("a: after b")
    finally:
        log.append("a: finally")
def b(kind):
    try:
        c(kind)
    except KeyError:
        log.append("b: caught KeyError")
def c(kind):
    log.append("c: start")
    if kind:
        raise kind("from c")
    log.append("c: end")
for kind in [None, KeyError, ValueError]:
    log.clear()
    try:
        a(kind)
    except ValueError as e:
        log.append("top: caught " + repr(e))
    print(kind.__name__ if kind else None, log)
def recursive_raise(n):
    if n == 0:
        raise IndexError("depth reached")
    try:
        recursive_raise(n - 1)
    except IndexError as e:
        if n == 3:
            raise LookupError("wrapped at 3") from e
        raise
try:
    recursive_raise(5)
except LookupError as e:
    print(type(e).__name__, e, "<-", repr(e.__cause__))
def lambda_raise():
    return (lambda: [][1])()
try:
    lambda_raise()
except IndexError as e:
    print("from lambda:", e)
def in_comprehension():
    return [1 / x for x in [1, 0]]
try:
    in_comprehension()
except ZeroDivisionError as e:
    print("from comprehension:", e)
def key_raises(v):
    raise ValueError("bad key " + str(v))
try:
    sorted([3, 1], key=key_raises)
except ValueError as e:
    print("from sort key:", e)
try:
    list(map(lambda x: 10 // x, [5, 0]))
except ZeroDivisionError as e:
    print("from map:", e)
