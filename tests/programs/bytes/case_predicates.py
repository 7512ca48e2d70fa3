# bytes: ASCII-only case methods and predicates on bytes (non-ASCII bytes are never letters)
for v in [b"Hello World", b"ABC", b"abc", b"123", b"a1", b"", b" \t\n", b"caf\xc3\xa9", b"Title Case", b"\xe9"]:
    print(repr(v), v.upper(), v.lower(), v.title(), v.capitalize(), v.swapcase(),
          "".join(["T" if m() else "." for m in (v.isalpha, v.isdigit, v.isalnum, v.isspace, v.isupper, v.islower, v.istitle, v.isascii)]))
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), b"aabbcc".translate(t), b"abcdef".translate(None, b"ace"), b"hello".translate(t, b"l"))
ba = bytearray(b"Hello World 42")
print(ba.upper(), ba.lower(), ba.swapcase(), ba.title(), ba.isalnum(), ba[:5].isalpha(), ba[-2:].isdigit(), type(ba.upper()).__name__)
print(b"hello world".title(), b"hELLO wORLD".capitalize(), b"o'neil 3rd".title(), b"ABC def".istitle(), b"Abc Def".istitle())
print(b"".isalpha(), b"".isdigit(), b"".isspace(), b"".isascii(), b"\x7f".isascii(), b"\x80".isascii(), b"\t\n\r\x0b\x0c ".isspace())
print(b"MiXeD 123".lower().upper(), b"\xc3\xa9T\xc3\xa9".lower(), b"abc".upper() == b"ABC")
print([bytes([c]).isalpha() for c in range(60, 70)], [bytes([c]).isdigit() for c in range(46, 60, 2)])
print(b"a1_b2".isalnum(), b"abc\x00".isalpha(), b" ".join([b"x", b"Y"]).swapcase())
