# str: splitlines with every line-boundary character, keepends, trailing newlines, vs split('\n')
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True) == s.splitlines(True))
for t in ["", "\n", "\n\n", "a\n", "a\n\nb\n", "a\r\n\r\nb", "\r\r\n\n", "no newline", "a\n\rb", "x\r"]:
    print(repr(t), t.splitlines(), t.splitlines(True), t.split("\n"))
text = """first line
    second line indented

last line"""
for i, line in enumerate(text.splitlines(), 1):
    print(i, repr(line), len(line))
print(len("\n".join(["x"] * 5).splitlines()), "a\nb".splitlines(False))
