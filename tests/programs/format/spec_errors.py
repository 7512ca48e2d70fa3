# format: exact ValueError/TypeError messages for malformed or unsupported format specs
cases = [(1, "q"), (1, ".2x"), (1, "=<5"), (1, "<<5"), (1, "5.5.5"), (1, ".f"), (1.5, "x"), (1.5, "c"), (1.5, "d"),
         (1.5, "#x"), ("s", "x"), ("s", "+"), ("s", "z"), (1.5, ".2.3f"), (1, "10000000000000000000000"),
         (1.5, ".999999999999999999999"), (1 + 1j, "c"), (1 + 1j, "d"), ([], "s"), (1, "ü"), (1.5, "5%e")]
for v, spec in cases:
    try:
        r = format(v, spec)
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(v), repr(spec), type(e).__name__ + ":", e)
    else:
        print(repr(v), repr(spec), "ok", repr(r))
x = 3
try:
    print(f"{x:q}")
except ValueError as e:
    print("f-string ValueError:", e)
spec = "q"
try:
    print("{0:{1}}".format(1, spec))
except ValueError as e:
    print("str.format ValueError:", e)
