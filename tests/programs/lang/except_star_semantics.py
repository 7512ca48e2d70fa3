# lang: except* semantics: raised/re-raised combination, invalid clause types, sys.exception(), group subclasses with derive, else/finally, naked exceptions
import sys
def show(label, e):
    print(label, type(e).__name__, repr(e))

# 1. multiple handlers raising
def f1():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("r1")
    except* TypeError:
        raise OSError("r2")
try:
    f1()
except BaseException as e:
    show("f1", e)
    for x in e.exceptions:
        show("  ", x)
        print("   context:", repr(x.__context__))

# 2. invalid except* types
for T in [ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), 42, (ValueError, 1)]:
    try:
        try:
            raise ValueError("x")
        except* T:
            print("no")
    except TypeError as e:
        print("TypeError:", e)

# 3. sys.exception() inside except*
try:
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
except* ValueError:
    print("sys.exception:", repr(sys.exception()))
except* TypeError:
    print("sys.exception:", repr(sys.exception()))
print("after:", sys.exception())

# 4. split metadata
def mk():
    try:
        try:
            raise KeyError("ctx")
        except KeyError:
            raise ExceptionGroup("m", [ValueError("a"), TypeError("b")]) from OSError("cause")
    except ExceptionGroup as e:
        return e
eg = mk()
eg.add_note("a note")
m, r = eg.split(ValueError)
print(m.__traceback__ is eg.__traceback__, repr(m.__cause__), repr(m.__context__), m.__suppress_context__, eg.__suppress_context__)
print(m.__notes__, r.__notes__, m.__notes__ is eg.__notes__)
print(eg.subgroup(Exception) is eg, eg.subgroup(lambda e: True) is eg, eg.split(BaseException)[1])
print(eg.subgroup(lambda e: isinstance(e, TypeError)))
print(eg.split((TypeError, ValueError)))
eg2 = ExceptionGroup("x", [ValueError(1)])
m2, r2 = eg2.split(TypeError)
print(m2, r2 is eg2, m2 is None)

# 5. subclass
class MyEG(ExceptionGroup):
    def __new__(cls, message, excs, code):
        obj = super().__new__(cls, message, excs)
        obj.code = code
        return obj
    def derive(self, excs):
        return MyEG(self.message, excs, self.code)
g = MyEG("mine", [ValueError(1), TypeError(2)], 42)
print(repr(g), str(g), g.code, isinstance(g, ExceptionGroup), type(g).__mro__)
a, b = g.split(ValueError)
print(type(a).__name__, a.code, type(b).__name__, b.code, a.args)
try:
    raise g
except* TypeError as t:
    print("caught", type(t).__name__, t.code, t.exceptions)
except* ValueError as v:
    print("caught", type(v).__name__, v.code, v.exceptions)

class Plain(ExceptionGroup):
    pass
p = Plain("plain", [ValueError()])
print(repr(p), p.split(ValueError)[0] is p, type(p.subgroup(lambda e: False)))
print(type(p.derive([TypeError()])).__name__)
class BadDerive(ExceptionGroup):
    def derive(self, excs):
        return 1
try:
    BadDerive("bd", [ValueError(), TypeError()]).split(ValueError)
except TypeError as e:
    print("TypeError:", e)
class BEGSub(BaseExceptionGroup):
    pass
print(type(BEGSub("s", [ValueError()])).__name__)
class EGWithInit(ExceptionGroup):
    def __init__(self, msg, excs):
        super().__init__(msg, excs)
        self.extra = 1
w = EGWithInit("w", [ValueError()])
print(w.extra, w.args, w)
try:
    class Bad(BaseExceptionGroup, Exception): pass
    Bad("b", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)

# 6. else / finally with except*
def f6(exc):
    try:
        if exc: raise exc
    except* ValueError:
        print("handled VE")
    else:
        print("else")
    finally:
        print("finally")
f6(None); f6(ValueError()); 
try: f6(TypeError("t"))
except* TypeError as e: print("outer", repr(e))

# 7. raise from in handler, BaseException
try:
    try:
        raise BaseExceptionGroup("bg", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as k:
        print("KI", repr(k))
except* ValueError as v:
    print("V", repr(v))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as v:
        raise TypeError("t") from v
except TypeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
# 8. naked exception not matching
try:
    try:
        raise KeyError(1)
    except* ValueError:
        pass
except KeyError as e:
    print("naked passthrough", repr(e))
# 9. naked matched and raised new
try:
    try:
        raise KeyError(1)
    except* KeyError:
        raise ValueError(2)
except ValueError as e:
    print("naked new", repr(e), repr(e.__context__))
# 10. reraise partial with explicit raise e
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
except ExceptionGroup as e:
    print("explicit", repr(e))
# 11. args/message/exceptions readonly
e = ExceptionGroup("m", (ValueError(),))
for attr in ["message", "exceptions"]:
    try:
        setattr(e, attr, 1)
    except AttributeError as x:
        print("AttributeError:", x)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__, issubclass(ExceptionGroup, Exception))
print(ExceptionGroup("m", [ValueError()]).__dict__, dir(ExceptionGroup("m", [ValueError()]))[-6:])
