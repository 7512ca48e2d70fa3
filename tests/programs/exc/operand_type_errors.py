# exc: "unsupported operand type(s)" and comparison TypeError messages for every binary/unary operator
vals = [1, 1.5, "s", [1], None, {1: 2}, (1,), {1}, b"b"]
ops = [("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b), ("/", lambda a, b: a / b),
       ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("**", lambda a, b: a ** b), ("<<", lambda a, b: a << b),
       (">>", lambda a, b: a >> b), ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
       ("@", lambda a, b: a @ b), ("<", lambda a, b: a < b), (">=", lambda a, b: a >= b)]
seen = set()
for name, op in ops:
    for a in vals:
        for b in [None, "s", 2]:
            try:
                op(a, b)
            except TypeError as e:
                msg = str(e)
                if msg not in seen:
                    seen.add(msg)
                    print(f"{type(a).__name__} {name} {type(b).__name__}: {msg}")
            except (ZeroDivisionError, ValueError, OverflowError) as e:
                print(f"{type(a).__name__} {name} {type(b).__name__}: {type(e).__name__}")
for name, op in [("-", lambda a: -a), ("+", lambda a: +a), ("~", lambda a: ~a), ("abs", abs)]:
    for a in ["s", None, [1], 1.5]:
        try:
            op(a)
        except TypeError as e:
            print(f"{name} {type(a).__name__}: {e}")
for name, op in [("+=", "iadd"), ("-=", "isub"), ("*=", "imul"), ("|=", "ior")]:
    x = None
    try:
        if op == "iadd":
            x += 1
        elif op == "isub":
            x -= 1
        elif op == "imul":
            x *= 1
        else:
            x |= 1
    except TypeError as e:
        print(name, e)
