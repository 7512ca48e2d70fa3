# exc: ExceptionGroup/BaseExceptionGroup construction errors, split/subgroup/derive, metadata copied on split
import sys
print(ExceptionGroup.__mro__, ExceptionGroup.__bases__, BaseExceptionGroup.__bases__, ExceptionGroup.__base__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
bad_args = [(), ("a",), ("a", [1]), (1, 2), ("a", [ValueError()], 3), ("a", "bc"), ("a", {ValueError()}), ("a", []), ("a", None)]
for a in bad_args:
    try:
        ExceptionGroup(*a)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("a", [ValueError()], x=1)
except TypeError as e:
    print("TypeError:", e)
e = ExceptionGroup("a", [ValueError()])
print(e.args, repr(e), e.__dict__, str(e), e.message, e.exceptions)
e = BaseExceptionGroup("a", (ValueError(), KeyError()))
print(type(e).__name__, e.args, repr(e), e, isinstance(e, Exception))
b = BaseExceptionGroup("b", [ValueError(), KeyboardInterrupt()])
print(type(b).__name__, repr(b), isinstance(b, Exception), isinstance(b, BaseExceptionGroup))
for attr in ["message", "exceptions"]:
    try:
        setattr(e, attr, 1)
    except AttributeError as x:
        print("AttributeError:", x)
for m in [1, (ValueError, 1), "x", None]:
    try:
        e.split(m)
    except TypeError as x:
        print("TypeError:", x)
print(e.split(lambda x: isinstance(x, KeyError)))
print(e.subgroup(lambda x: False), e.subgroup(lambda x: True) is e, e.subgroup(BaseException) is e)
print(e.split((KeyError, ValueError)), e.split(OSError))
print(repr(e.derive([TypeError("d")])), repr(b.derive([KeyboardInterrupt()])))
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ExceptionGroup("in", [ValueError(3), KeyError(4)])]), OSError("o")])
for cond in [ValueError, TypeError, KeyError, (OSError, KeyError), lambda x: isinstance(x, ExceptionGroup) and x.message == "in"]:
    m, r = nested.split(cond)
    print(repr(m))
    print("  rest:", repr(r))
print(nested.subgroup(LookupError), nested.subgroup(lambda x: str(x) == "3"))
# metadata copied to both parts of a split
def make():
    try:
        try:
            raise KeyError("ctx")
        except KeyError:
            raise ExceptionGroup("m", [ValueError("a"), TypeError("b")]) from OSError("cause")
    except ExceptionGroup as g:
        return g
g = make()
g.add_note("a note")
m, r = g.split(ValueError)
for part in (m, r):
    print(part.__traceback__ is g.__traceback__, part.__traceback__.tb_lineno, repr(part.__cause__), repr(part.__context__),
          part.__suppress_context__, part.__notes__, part.__notes__ is g.__notes__)
plain = ExceptionGroup("p", [ValueError(1), TypeError(2)])
m, r = plain.split(ValueError)
print(m.__traceback__, m.__cause__, m.__context__, m.__suppress_context__, hasattr(m, "__notes__"))
leaf = plain.exceptions[0]
print(plain.subgroup(ValueError).exceptions[0] is leaf)
try:
    raise ExceptionGroup("raised", [IndexError(1)])
except ExceptionGroup as caught:
    print("caught:", repr(caught), caught.exceptions[0].__traceback__)
try:
    raise BaseExceptionGroup("bg", [SystemExit(2)])
except BaseExceptionGroup as caught:
    print("caught:", repr(caught), isinstance(caught, Exception))
except Exception:
    print("wrong")
print(len(str(ExceptionGroup("x" * 3, [ValueError()] * 20))), ExceptionGroup("", [ValueError()]))
