# str: split/rsplit with and without separators and maxsplit, whitespace rules, errors
cases = ["a b  c", "  leading and trailing  ", "", "   ", "one", "a\tb\nc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2003k\u3000l"]
for s in cases:
    print(repr(s), s.split(), s.rsplit(), s.split(None, 1), s.rsplit(None, 1), s.split(maxsplit=0), s.rsplit(maxsplit=2))
for s, sep in [("a,b,,c,", ","), (",a,", ","), ("", ","), ("abc", ","), ("a::b::c", "::"), ("aaaa", "aa"),
               ("aaa", "aa"), ("a b  c", " "), ("xxAxxBxx", "xx"), ("日本,語,", ",")]:
    print(repr(s), repr(sep), s.split(sep), s.rsplit(sep), s.split(sep, 1), s.rsplit(sep, 1), s.split(sep, -1), s.rsplit(sep, 0))
print("1,2,3,4,5".split(",", 2), "1,2,3,4,5".rsplit(",", 2), "1,2,3".split(",", 10), "1 2 3".rsplit(" ", 1))
print("a b c".split(sep=None, maxsplit=1), "a-b-c".rsplit(sep="-", maxsplit=1))
for bad in [("",), (1,), ("a", "x")]:
    try:
        "abc".split(*bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    "abc".rsplit("")
except ValueError as e:
    print("ValueError:", e)
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), words[::2], [w[::-1] for w in words])
line = "key = value = more"
k, _, v = line.partition("=")
print(repr(k.strip()), repr(v.strip()), line.split("=", 1)[1].strip())
