# lang (phase 3): except* splitting ExceptionGroups by type, multiple matching clauses, unhandled remainder, naked exceptions
def run(eg):
    try:
        raise eg
    except* ValueError as g:
        print("ValueErrors:", [str(e) for e in g.exceptions])
    except* TypeError as g:
        print("TypeErrors:", [str(e) for e in g.exceptions])
run(ExceptionGroup("g", [ValueError("v1"), TypeError("t1"), ValueError("v2")]))
run(ExceptionGroup("only values", [ValueError("v")]))
try:
    run(ExceptionGroup("mixed", [ValueError("v"), KeyError("k")]))
except ExceptionGroup as rest:
    print("unhandled remainder:", repr(rest.exceptions))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", type(g).__name__, g.exceptions)
try:
    raise ExceptionGroup("nested", [ExceptionGroup("inner", [OSError("o")]), ValueError("v")])
except* OSError as g:
    print("OSError subgroup:", g)
except* ValueError as g:
    print("ValueError subgroup:", g)
try:
    try:
        raise ExceptionGroup("x", [KeyError(1)])
    except* KeyError:
        raise RuntimeError("from handler")
except ExceptionGroup as e:
    print("raised from except*:", repr(e.exceptions))
except RuntimeError as e:
    print("RuntimeError:", e)
