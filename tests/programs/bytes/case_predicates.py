# bytes: ASCII-only case methods and predicates on bytes (non-ASCII bytes are never letters)
for v in [b"Hello World", b"ABC", b"abc", b"123", b"a1", b"", b" \t\n", b"caf\xc3\xa9", b"Title Case", b"\xe9"]:
    print(repr(v), v.upper(), v.lower(), v.title(), v.capitalize(), v.swapcase(),
          "".join(["T" if m() else "." for m in (v.isalpha, v.isdigit, v.isalnum, v.isspace, v.isupper, v.islower, v.istitle, v.isascii)]))
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), b"abcdef".translate(None, b"ace"), b"hello".translate(t, b"l"))
