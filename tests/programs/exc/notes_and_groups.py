# exc: add_note/__notes__, ExceptionGroup construction, .exceptions, subgroup/split (no except* syntax)
e = ValueError("with notes")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), e.args)
try:
    e.add_note(5)
except TypeError as err:
    print("TypeError:", err)
try:
    try:
        raise KeyError("k")
    except KeyError as k:
        k.add_note("added while handling")
        raise
except KeyError as k2:
    print(k2.__notes__)
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(eg, repr(eg.message), len(eg.exceptions), [repr(x) for x in eg.exceptions], isinstance(eg, Exception))
vals = eg.subgroup(ValueError)
print(vals, [str(x) for x in vals.exceptions])
match, rest = eg.split(TypeError)
print(repr(match.exceptions), repr(rest.exceptions))
print(eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b")])])
print(nested, nested.exceptions[1].exceptions, nested.subgroup(TypeError))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("empty", []), lambda: ExceptionGroup("notlist", ValueError()), lambda: ExceptionGroup("base", [KeyboardInterrupt()]), lambda: ExceptionGroup(1, [ValueError()])]:
    try:
        bad()
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)
try:
    raise ExceptionGroup("raised", [IndexError(1)])
except ExceptionGroup as g:
    print("caught group:", g.exceptions)
