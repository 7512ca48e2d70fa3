# str: strip/lstrip/rstrip with default whitespace and explicit char sets; removeprefix/removesuffix
cases = ["  hi  ", "\t\n hi \r\n\x0b\x0c", "hi", "", "   ", "\u3000hi\u2003", "\x85x\xa0"]
for s in cases:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
s = "xxyhixyx"
print(s.strip("x"), s.strip("xy"), s.lstrip("yx"), s.rstrip("xy"), s.strip(""), s.strip("abc"), s.strip(None))
print("www.example.com".strip("cmowz."), "<<a>>".strip("<>"), "123abc321".strip("0123456789"))
print("aaa".strip("a") == "", "abc".rstrip("c") + "|", "日本日".strip("日"))
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("nope"), "a.py".removesuffix(".py"),
      "a.py".removesuffix(".txt"), "".removeprefix(""), "abc".removesuffix(""), "aaa".removeprefix("a"))
for bad in [1, ["x"]]:
    try:
        "abc".strip(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    "abc".removeprefix(None)
except TypeError as e:
    print("TypeError:", e)
lines = ["  alpha\n", "beta  \n", "\tgamma\t\n"]
print([l.strip() for l in lines], [l.rstrip("\n") for l in lines])
