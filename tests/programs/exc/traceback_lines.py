# exc: __traceback__ objects: tb_lineno of each frame, tb_next chain length, with_traceback, frame names
def inner():
    raise ValueError("deep")
def middle():
    inner()
def outer():
    middle()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    names = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(lines, names)
e = KeyError("fresh")
print(e.__traceback__)
try:
    raise e
except KeyError as caught:
    print(caught.__traceback__.tb_lineno, caught.__traceback__.tb_next)
e2 = RuntimeError("re-raised")
try:
    try:
        raise e2
    except RuntimeError as x:
        raise x.with_traceback(None)
except RuntimeError as y:
    print(y is e2, y.__traceback__.tb_lineno)
def reraise():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
try:
    reraise()
except ZeroDivisionError as z:
    t = z.__traceback__
    print(t.tb_lineno, t.tb_next.tb_lineno)
