# split() and split(c) scan the text 64 bytes at a time: words and separators at block
# edges, the tail, whitespace of every kind, NUL separators, long and short parts, and
# non-ASCII text with an ASCII separator.

cases = ["", " ", "  a", "a  ", " a b ", "a", "abc def", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f x \x00y\x00",
         "x" * 70, " " * 70, "ab " * 40, ("word " * 13) + "end", "a" * 63 + " " + "b" * 16,
         "a" * 64 + " " + "b", " " * 63 + "a", "a" * 15 + " " + "b" * 16 + " " + "c" * 17,
         "é日 x é " * 12, "\x85a\xa0b\u2028c d"]
x = 12345
alphabet = "ab \t\n,.\x00é"
for n in range(200):
    s = []
    x = (x * 1103515245 + 12345) % 2147483648
    for i in range(x % 150):
        x = (x * 1103515245 + 12345) % 2147483648
        s.append(alphabet[(x >> 16) % len(alphabet)])
    cases.append("".join(s))

total = 0
for c in cases:
    parts = c.split()
    total += len(parts) + sum(len(p) for p in parts)
    if c in cases[:18]:
        print(repr(c[:20]), parts[:6], len(parts))
    for sep in (" ", ",", "\x00", "a", "\n", "é"):
        parts = c.split(sep)
        assert sep.join(parts) == c
        total += len(parts) * 7 + sum(len(p) for p in parts)
        if c in cases[:18] and sep in (" ", "\x00"):
            print(" ", repr(sep), parts[:6], len(parts))
print(total)
words = ("lorem ipsum dolor sit amet " * 30).split()
print(len(words), words[:5], words[-1])
print("a,b,,c,".split(","), ",".split(","), "".split(","), "".split())
