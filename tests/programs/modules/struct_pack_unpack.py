# struct: pack/unpack/calcsize for every format code and byte order, alignment, Struct objects, iter_unpack, pack_into/unpack_from
import struct
from struct import pack, unpack, calcsize

print(calcsize("bhilqnP"), calcsize("<bhilq"), calcsize("ci"), calcsize("=ci"), calcsize("0i"), calcsize("i0q"))
print(calcsize("3s2p"), calcsize("<  i h "), calcsize("@x i"), calcsize(b"<i"), calcsize(""), calcsize("ed"), calcsize("?Q"))
for fmt in ["<", ">", "!", "=", "@"]:
    print(fmt, pack(fmt + "bBhHiIqQ", -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1).hex())
    print(fmt, pack(fmt + "lL", -5, 2**32 - 1).hex(), calcsize(fmt + "lL"))
print(pack("nNP", -7, 2**64 - 1, 12345).hex(), unpack("nNP", pack("nNP", -7, 2**64 - 1, 12345)))
print(pack("<h", 1), pack(">h", 1), pack("!H", 258), pack("=l", 1), pack("@bi", 1, 2), pack("ih", 1, 2), pack("hi", 1, 2))
print(unpack("<Q", b"\xff" * 8), unpack("<q", b"\xff" * 8), unpack(">I", b"\xff\x00\x00\x01"), unpack("<b", b"\x80"))
print(unpack("hi", b"\x01\x00\x00\x00\x02\x00\x00\x00"), unpack("<hh", b"\x00\x80\xff\x7f"))
print(pack("?", 2), pack("?", []), pack("???", 0, "x", None), unpack("??", b"\x02\x00"))
print(pack("c", b"a"), unpack("c", b"z"), pack("3c", b"x", b"y", b"z"), unpack("2c", b"ab"))
print(pack("3s", b"abcdef"), pack("5s", b"ab"), pack("s", bytearray(b"q")), pack("0s", b"abc"), unpack("3s", b"xyz"))
print(pack("5p", b"abcdefg"), pack("<0p", b"abc"), pack("<1p", b"abc"), unpack("5p", b"\x09abcd"), unpack("<1p", b"\x05"))
print(pack("<256p", b"a" * 300)[:3], len(pack("<256p", b"a" * 300)), len(unpack("<256p", b"\xff" + b"a" * 255)[0]))
print(pack("<5x"), pack("x"), pack("<xbx", 1), unpack("<xbx", b"\x00\x05\x00"))
print(pack("2h3s?", 1, 2, b"x", True), unpack("2h3s?", pack("2h3s?", 1, 2, b"x", True)))
for x in [1.5, -0.0, 65504.0, 6e-8, 1e-8, 5.960464477539063e-08, 2.0**-25, 3.0 * 2**-26, 0.1, 1 / 3, float("inf"), float("-inf"), 1.0009765625, 1.00048828125, 1.00146484375]:
    print(x, pack("<e", x).hex(), unpack("<e", pack("<e", x))[0], pack(">e", x).hex())
print(pack("e", float("nan")).hex(), unpack("<e", b"\x00\x7c"), unpack("<e", b"\x01\x00"), unpack("<e", b"\x00\xfe"))
for x in [1.0, -2.5, 0.1, 3.4028234663852886e38, 1e-45, float("inf")]:
    print(pack("<f", x).hex(), unpack("<f", pack("<f", x)), pack(">d", x).hex(), unpack(">d", pack(">d", x)))
print(pack("f", 1e300), pack("f", 2**200), unpack("<f", b"\x00\x00\xc0\x7f"), pack("d", 3), pack("<d", True))
class I:
    def __index__(self):
        return 7
print(pack("i", I()), pack("f", I()), pack("<Q", I()), pack("i", True), pack("<q", -2**63))

s = struct.Struct("<ih")
print(s.format, s.size, s.pack(1, 2), s.unpack(b"\x01\x00\x00\x00\x02\x00"), type(s).__name__, type(s).__module__)
print(struct.Struct(b">H").format, struct.Struct("").size, struct.Struct("").pack(), struct.Struct("").unpack(b""))
print(s.unpack_from(b"xx\x01\x00\x00\x00\x02\x00", 2), s.unpack_from(buffer=b"\x01\x00\x00\x00\x02\x00zz"))
print(struct.unpack_from("<h", b"\x00\x01\x02", offset=1), struct.unpack_from("<h", buffer=b"\x00\x01\x02"), struct.unpack_from("<h", b"\x00\x01\x02", -2))
ba = bytearray(10)
print(struct.pack_into("<hh", ba, 2, 1, -1), ba, s.pack_into(ba, -6, 9, 8), ba)
print(list(struct.iter_unpack("<h", b"\x01\x00\x02\x00")), list(s.iter_unpack(bytes(12))), list(struct.iter_unpack("b", b"")))
it = struct.iter_unpack("<h", b"\x01\x00\x02\x00\x03\x00")
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__(), type(it).__name__)
print(unpack("<i", bytearray(b"\x01\x02\x03\x04")), unpack(b"<i", b"\x01\x02\x03\x04"))
big = pack("<100i", *range(100))
print(len(big), unpack("<100i", big)[-3:], calcsize("<100i"))
print(struct._clearcache(), pack("<I", 7), sorted(n for n in dir(struct) if not n.startswith("_")))
