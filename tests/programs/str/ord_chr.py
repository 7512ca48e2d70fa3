# str: ord/chr round trips across planes, boundaries, surrogates, and the errors
for c in ["a", "A", "0", " ", "\n", "\x00", "\x7f", "\x80", "é", "\xff", "Ā", "€", "日", "\uffff", "𐀀", "🐍", "\U0010ffff"]:
    print(repr(c), ord(c), hex(ord(c)), chr(ord(c)) == c)
print([chr(i) for i in range(65, 91)])
print("".join([chr(i) for i in range(0x3b1, 0x3ca)]))
print(repr(chr(0xd800)), len(chr(0xdfff)), ord(chr(0x10ffff)))
for bad in [-1, 0x110000, 2**70]:
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
for bad in ["", "ab", 65, b"ab", None]:
    try:
        ord(bad)
    except TypeError as e:
        print("TypeError:", e)
print(ord(b"a"), ord(bytearray(b"\xff")), chr(True), chr(48))
try:
    chr(1.5)
except TypeError as e:
    print("TypeError:", e)
rot13 = "".join([chr((ord(c) - 97 + 13) % 26 + 97) if c.islower() else c for c in "hello, world"])
print(rot13)
print(sum([ord(c) for c in "checksum"]), max("hello", key=ord), sorted("hello", key=lambda c: -ord(c)))
