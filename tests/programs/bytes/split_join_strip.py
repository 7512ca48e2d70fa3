# bytes: split/rsplit/splitlines/join/strip family on bytes and bytearray, with errors for str arguments
b = b"  one two\tthree\nfour  "
print(b.split(), b.rsplit(None, 1), b.split(b" "), b.split(b" ", 2), b.rsplit(b" ", 2), b.strip(), b.lstrip(), b.rstrip())
print(b"a,b,,c".split(b","), b"a,b,,c".rsplit(b",", 1), b"".split(), b"".split(b","), b"xxaxx".strip(b"x"), b"xya".lstrip(b"yx"))
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"l1\nl2\r\n".splitlines(True), b"a\x0bb\x0cc".splitlines())
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]), bytearray(b", ").join([b"x", b"y"]), b"".join((b"1", bytearray(b"2"))))
for bad in [[b"a", "b"], [1], ["s"]]:
    try:
        b"".join(bad)
    except TypeError as e:
        print("TypeError:", e)
for f in [lambda: b"a b".split(" "), lambda: b"ab".strip("a"), lambda: b"a".split(b""), lambda: b"a".join(b"bc")]:
    try:
        print(f())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
ba = bytearray(b" pad ")
print(ba.strip(), ba.split(), type(ba.strip()).__name__, type(ba.split()[0]).__name__)
print(b"abc".center(9, b"*"), b"abc".ljust(6, b"-"), b"abc".rjust(6), b"42".zfill(5), b"-42".zfill(6), b"a\tb".expandtabs(4))
