# lang: nested except* blocks, except* in generators, sys.exception() per clause, re-raised parts keeping the original nesting
import sys
def gen():
    try:
        yield 1
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        yield ("got", repr(e), repr(sys.exception()))
    except* TypeError as e:
        yield ("got", repr(e))
    yield "end"
print(list(gen()))
try:
    raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
except* ValueError as v:
    try:
        raise ExceptionGroup("inner", [KeyError(3), OSError(4)])
    except* KeyError as k:
        print("inner k", repr(k), repr(sys.exception()), repr(k.__context__))
    except* OSError:
        print("inner os", repr(sys.exception()))
    print("back", repr(sys.exception()))
except* TypeError as t:
    print("t", repr(t), repr(sys.exception()))
print(repr(sys.exception()))
def g2():
    try:
        try:
            raise ExceptionGroup("a", [ValueError(1), ExceptionGroup("b", [TypeError(2), ValueError(3)])])
        except* ValueError as v:
            v.add_note("noted")
            raise
        except* TypeError as t:
            raise t.exceptions[0]
    except BaseException as e:
        return e
e = g2()
print(repr(e), repr(e.exceptions[1]), getattr(e.exceptions[1], "__notes__", None), e.exceptions[0].__context__ is not None)
def g3():
    for i in range(3):
        try:
            raise ExceptionGroup("loop", [ValueError(i)])
        except* ValueError as v:
            print("iter", i, v.exceptions)
g3()
