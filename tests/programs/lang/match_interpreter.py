# lang (phase 3): a tiny expression interpreter written with match over nested tuples/lists/dicts/classes
class Var:
    __match_args__ = ("name",)
    def __init__(self, name):
        self.name = name
def ev(e, env):
    match e:
        case int() | float():
            return e
        case Var(name) if name in env:
            return env[name]
        case Var(name):
            raise NameError(f"unbound {name}")
        case ("+", a, b):
            return ev(a, env) + ev(b, env)
        case ("*", a, b):
            return ev(a, env) * ev(b, env)
        case ("-", a):
            return -ev(a, env)
        case ("let", str(n), v, body):
            return ev(body, {**env, n: ev(v, env)})
        case ("if", c, t, f):
            return ev(t, env) if ev(c, env) else ev(f, env)
        case ["sum", *xs]:
            return sum([ev(x, env) for x in xs])
        case {"op": "max", "args": [*xs]}:
            return max([ev(x, env) for x in xs])
        case _:
            raise ValueError(f"bad expr {e!r}")
exprs = [1, ("+", 1, 2), ("*", ("+", 1, 2), ("-", 4)), ("let", "x", 5, ("*", Var("x"), Var("x"))),
         ("if", 0, 1, 2), ["sum", 1, 2, 3, ("+", 4, 5)], {"op": "max", "args": [3, ("*", 2, 5), 7]},
         ("let", "y", 2.5, ("+", Var("y"), Var("z"))), ("?", 1), "str"]
for e in exprs:
    try:
        print(ev(e, {"z": 10}))
    except (NameError, ValueError) as err:
        print(type(err).__name__ + ":", err)
