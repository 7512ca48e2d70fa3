# builtins: repr() and ascii() of builtin values: escapes, non-ASCII, nested containers, numbers
vals = ["abc", "é", "日本", "🐍", "\n\t", "'", '"', "\x00", b"\xff", bytearray(b"a"), [1, "é"], ("ü",), {"ß": "ø"},
        1, -0.0, 1e22, 1e-7, 2**70, 1j, -1.5j, True, None, range(3), slice(1, 2), frozenset(), set(), {}, [], ()]
for v in vals:
    print(repr(v), ascii(v), repr(v) == ascii(v))
print(repr(repr("x")), ascii(ascii("é")), repr(str(1)), ascii(1.5))
print(ascii("\u200b\ufeff\U0001f600"), repr("\u200b\ufeff\U0001f600"))
print(repr(Ellipsis), repr(...), repr(NotImplemented), ascii(...))
try:
    repr()
except TypeError as e:
    print("TypeError:", e)
