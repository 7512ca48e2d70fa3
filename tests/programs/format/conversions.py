# format: !r/!s/!a conversions combined with specs, on strings, numbers, containers and non-ASCII data
vals = ["plain", "é🐍\n", "quote'", 'dq"', 42, -1.5, None, True, [1, "a"], ("é",), {"k": "ü"}, b"\xff", 1e16, 2**70]
for v in vals:
    print(f"{v!r}|{v!s}|{v!a}|{v!r:>12}|{v!s:.3}|{v!a:*<10}|")
print("{0!r} {0!s} {0!a}".format("ñ"), "%r %s %a" % ("ñ", "ñ", "ñ"))
print(ascii("日本"), ascii(["ß", 1]), ascii("\x7f\x80"), repr("\x7f\x80"), ascii(b"\x80"), ascii(1.5))
x = "val"
print(f"{x=!r}", f"{x = !s}", f"{x=!a:>8}")
