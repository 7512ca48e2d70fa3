# Slicing, concatenation, case mapping, split and join across the inline (<= 15 bytes) and
# heap str representations, ASCII and not.

samples = ["", "a", "abc", "hello world!!", "abcdefghijklmno", "abcdefghijklmnop",
           "Héllo", "ünïcödé wörds", "日本語のテキスト", "a\u00e9b", "x" * 40, "AbC dEf 123 _@[`{"]

bounds = [None, 0, 1, 2, 3, -1, -2, -3, 5, -5, 14, 15, 16, -16, 100, -100, True, False]

for s in samples:
    out = []
    for a in bounds:
        for b in bounds:
            out.append(s[a:b])
    print(repr(s), len(out), "|".join(out))
    print(repr(s[:2]), repr(s[-2:]), repr(s[1:-1]), repr(s[::7]), repr(s[::-1]), repr(s[1::3]))

# Slice bounds that go through __index__ or are rejected.
s = "abcdef"
print(s[1:2**70], s[-2**70:3])
try:
    print(s["a":2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(s[1.0:2])
except TypeError as e:
    print(type(e).__name__, e)

# Concatenation around the 15-byte boundary.
parts = ["", "a", "bc", "defg", "hijklmn", "opqrstuv", "é", "日本"]
for x in parts:
    for y in parts:
        z = x + y
        print(repr(z), len(z), z == "".join([x, y]), hash(z) == hash("".join([x, y])))
w = ""
for i in range(20):
    w += "ab"[i % 2]
    print(len(w), w, w[-3:], w.upper())

# Case mapping: every ASCII character, inline and heap.
allascii = "".join(chr(i) for i in range(128))
for i in range(0, 128, 15):
    chunk = allascii[i:i + 15]
    print(repr(chunk.lower()), repr(chunk.upper()), chunk.lower() == chunk.casefold().lower())
print(repr(allascii.lower()), repr(allascii.upper()))
for s in ["ABC", "abc", "MiXeD", "@[`{", "ÀÉÎ", "straße", "ǅ", "İ", "A" * 15, "a" * 16]:
    print(repr(s.lower()), repr(s.upper()), len(s.lower()), len(s.upper()))

# split: whitespace (every ASCII space character), one-character and longer separators.
texts = ["", " ", "a", "  a  b  ", "a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj k",
         "one two  three   four", "x\u00a0y z", "\u3000a\u2028b", "a,b,,c,", ",", "a" * 20 + " b"]
for t in texts:
    print(repr(t), t.split(), t.split(","), t.split(" "), t.split(", "), t.split("\u00a0"),
          t.split(maxsplit=1), t.rsplit(), t.split(None))
for sep in ["", 1]:
    try:
        print("a b".split(sep))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# join: sizes, non-str items, single items.
print("-".join([]), "-".join(["a"]), "-".join(["a", "b"]), ", ".join(["x" * 10] * 3))
print("".join(["日", "本"]), "é".join("abc"), repr(" ".join([""] * 4)))
try:
    " ".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    " ".join(5)
except TypeError as e:
    print(type(e).__name__, e)

# capitalize: inline ASCII in registers, the rest by characters.
for s in ["", "a", "A", "hello", "HELLO", "hELLO wORLD", "1abc", "@[`{z", "abcdefghijklmno",
          "abcdefghijklmnopq", "éCOLE", "ǆemal", "ßtraße", "ﬁx", "İSTANBUL", "x" * 15, "Y" * 15]:
    print(repr(s.capitalize()), len(s.capitalize()))

# Every short slice of a longer text (the inline results are loaded word-wise).
text = "".join(chr(33 + i) for i in range(40)) + "é" + "".join(chr(80 + i) for i in range(20))
acc = []
for a in range(len(text)):
    for b in range(a, min(a + 18, len(text)) + 1):
        piece = text[a:b]
        acc.append((len(piece), piece == "".join(text[i] for i in range(a, b)), piece))
print(len(acc), all(ok for _, ok, _ in acc), acc[::97])
print(text.split("é"), text.split(":"), text.split("P"))
print("+".join(("a", "bb", "c" * 20)), "+".join(("solo",)), "+".join(()), "+".join(["x" * 16]))
for bad in [("a", None), ["a", "b", b"c"], ("a", 2.5, "b")]:
    try:
        "/".join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
