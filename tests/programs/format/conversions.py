# format: !r/!s/!a conversions combined with specs, on strings, numbers, containers and non-ASCII data
vals = ["plain", "é🐍\n", "quote'", 'dq"', 42, -1.5, None, True, [1, "a"], ("é",), {"k": "ü"}, b"\xff", 1e16, 2**70]
for v in vals:
    print(f"{v!r}|{v!s}|{v!a}|{v!r:>12}|{v!s:.3}|{v!a:*<10}|")
print("{0!r} {0!s} {0!a}".format("ñ"), "%r %s %a" % ("ñ", "ñ", "ñ"))
print(ascii("日本"), ascii(["ß", 1]), ascii("\x7f\x80"), repr("\x7f\x80"), ascii(b"\x80"), ascii(1.5))
x = "val"
print(f"{x=!r}", f"{x = !s}", f"{x=!a:>8}")
class_like = {"a": [1, 2.5, "x"], "b": None}
print(f"{class_like!r}", f"{class_like!s:.10}", f"{class_like!a:>40}")
print(f"{'tab\there'!r}", f"{'tab\there'!s}", f"{'nl'!r:*^10}", f"{42!r:>6}", f"{4.5!s:<6}|", f"{True!a}")
print("{!r:^12}|{!s:^12}|{!a:^12}".format("é", "é", "é"))
for conv_spec in ["{0!r}", "{0!s}", "{0!a}", "{0!r:10}", "{0!s:.2}", "{0!a:.3}"]:
    print(conv_spec, "->", conv_spec.format("héllo"), "|", conv_spec.format(3.25), "|", conv_spec.format(b"\xff"))
try:
    "{0!x}".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "{0!}".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "{0!rr}".format(1)
except ValueError as e:
    print("ValueError:", e)
