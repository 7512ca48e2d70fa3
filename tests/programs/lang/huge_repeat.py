# Sequence repetition and padding too large to allocate raise MemoryError (or CPython's
# OverflowError), never abort the interpreter; ordinary repetition keeps its values and
# references.

def attempt(label, f):
    try:
        r = f()
        print(label, "ok", len(r))
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, e)


attempt("str", lambda: "ab" * (10 ** 18))
attempt("bytes", lambda: b"ab" * (10 ** 18))
attempt("bytearray", lambda: bytearray(b"ab") * (10 ** 18))
attempt("list", lambda: [1] * (2 ** 40))
attempt("list2", lambda: [1, 2] * (2 ** 62))
attempt("tuple", lambda: (1,) * (2 ** 61))
attempt("ljust", lambda: "x".ljust(10 ** 18))
attempt("format", lambda: format(1, "1000000000000d"))
attempt("percent", lambda: "%1000000000000d" % 1)
attempt("percent-star", lambda: "%*d" % (10 ** 12, 1))
attempt("expandtabs", lambda: "a\tb".expandtabs(10 ** 18))
attempt("bytes-expandtabs", lambda: b"a\tb".expandtabs(10 ** 18))


def imul():
    x = [1, 2]
    x *= 10 ** 18
    return x


attempt("imul", imul)


def bimul():
    x = bytearray(b"xy")
    x *= 10 ** 18
    return x


attempt("bimul", bimul)

# Ordinary repetition.
flags = [True] * 1000
print(len(flags), flags[0], flags[999], flags.count(True))
mixed = [1, 2.5, None, "s", False] * 7
print(len(mixed), mixed[:6], mixed[-5:])
inner = [0]
nested = [inner] * 5
inner.append(1)
print(nested, nested[0] is nested[4])
print((1, "a") * 3, () * 5, (7,) * 0, [3] * -2)
print("ab" * 5, "" * 9, "é" * 3, b"xy" * 3, bytearray(b"z") * 4)
big = "0123456789abcdefg" * 1000
print(len(big), big[16:20], big.count("g"))
z = [1.5] * 1001
z *= 3
print(len(z), sum(z))
print("a\tb".expandtabs(4), "a\tb".expandtabs(-1), "%5s|%-5s|" % ("x", "y"), format(42, "8d"))
