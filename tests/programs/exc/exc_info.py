# exc: sys.exc_info() and sys.exception() inside, after, and nested within handlers; restored after inner handlers
import sys
print(sys.exc_info(), sys.exception())
try:
    raise ValueError("outer")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None, sys.exception() is v)
    try:
        raise KeyError("inner")
    except KeyError:
        print("inner:", sys.exc_info()[0].__name__, repr(sys.exception()))
    print("restored:", sys.exc_info()[0].__name__, repr(sys.exception()))
print("after:", sys.exc_info(), sys.exception())
def report():
    e = sys.exception()
    return type(e).__name__ if e else "none"
try:
    1 / 0
except ZeroDivisionError:
    print("callee sees:", report())
print("callee after:", report())
try:
    try:
        raise TypeError("t")
    finally:
        print("in finally:", report())
except TypeError:
    pass
def raiser():
    try:
        raise IndexError("x")
    except IndexError:
        return sys.exc_info()[1]
e = raiser()
print(type(e).__name__, e, report())
try:
    raise OSError(2, "No such file", "f")
except OSError as err:
    print(sys.exc_info()[1] is err, sys.exception() is err, err.__traceback__ is sys.exc_info()[2])
