# bytes: literal forms and repr() (quote choice, \x escapes, printable ASCII, \t \n \r \\)
vals = [b"", b"abc", b"it's", b'say "hi"', b"both ' \"", b"\x00\x01\x7f\x80\xff", b"\t\n\r\\", b"\x0b\x0c",
        rb"raw\n", Rb"\x00", b"\101\102", b"caf\xc3\xa9", bytes(range(30, 40)), bytes([0x20, 0x7e])]
for v in vals:
    print(repr(v), str(v), len(v), list(v)[:6])
print(b"abc" b"def", b"line\
cont", type(b"").__name__, bytes.__name__)
print(repr(bytearray(b"x'y")), repr(bytearray()), str(bytearray(b"\xff")), repr(bytearray(b"\"'")))
print(b"%s %d %x %r" % (b"by", 5, 255, b"q"), b"%5s|%-5s|" % (b"ab", b"cd"), b"%c%c" % (65, b"B"), b"%%" % ())
try:
    b"%s" % "str"
except TypeError as e:
    print("TypeError:", e)
print(ascii(b"\xe9"), f"{b'x'}", "{}".format(b"\x00"), format(b"ab"), "%s" % b"y")
