# int: ValueError/TypeError messages from int() with bad strings, bases and types
def attempt(*args, **kw):
    try:
        r = int(*args, **kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", r)

for s in ["", " ", "abc", "1.5", "1e5", "12a", "--1", "+-1", "1__0", "_1", "1_", "0x", "1 2", "٣x"]:
    attempt(s)
attempt("08", 0)
attempt("010", 0)
attempt("0b2", 0)
attempt("9", 8)
attempt("0x10", 8)
attempt("2", 2)
attempt("g", 16)
attempt("10", 1)
attempt("10", 37)
attempt("10", -1)
attempt("10", 0)
attempt(10, 10)
attempt(3.5, 10)
attempt([1])
attempt(None)
attempt("1", "2")
attempt(x="1")
attempt("1", base=10)
attempt("z" * 5, 36)
attempt(b"")
attempt(b"1.0")
attempt("a" * 200)
attempt("12\x00")
