# sys: frame objects from sys._getframe() and tracebacks: f_code, f_globals, f_locals, f_lineno, f_back, tb_frame
import sys
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
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((tb.tb_lineno, f.f_code.co_name, f.f_globals is globals(), type(f).__name__))
        tb = tb.tb_next
    print(out)
def g(a, b=2):
    c = a + b
    f = sys._getframe()
    return f.f_code.co_name, sorted(f.f_locals), f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno, f.f_globals is globals()
print(g(1))
def h():
    return sys._getframe(1)
fr = h()
print(fr.f_code.co_name, fr.f_lineno, fr.f_back, fr.f_locals is globals())
for bad in [100, "x"]:
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
def caught():
    x = 5
    try:
        1 / 0
    except ZeroDivisionError as e:
        t = e.__traceback__
        return t.tb_frame.f_locals["x"], t.tb_frame.f_code.co_name, t.tb_frame.f_lineno, t.tb_lineno, t.tb_frame is t.tb_frame
print(caught())
def closure():
    v = 10
    def inner():
        return sys._getframe().f_locals, sys._getframe(1).f_locals["v"]
    return inner()
print(closure())
def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
def via_map():
    return list(map(lambda _: chain(), [0]))[0]
print(chain(), via_map())
print(sys._getframe().f_locals is globals(), sys._getframe().f_back, sys._getframe().f_code.co_name)
def lasti():
    f = sys._getframe()
    return f.f_lasti > 0, isinstance(f.f_lasti, int), f.f_trace
print(lasti())
def uses_name():
    return undefined_name_here
try:
    uses_name()
except NameError as e:
    print("NameError:", e, e.name, e.__traceback__.tb_next.tb_frame.f_code.co_name)
