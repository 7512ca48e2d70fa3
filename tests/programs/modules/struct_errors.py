# struct: struct.error messages (ranges, types, buffer sizes, offsets, bad formats) and other exceptions as CPython
import struct

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

for fmt, v in [("h", 70000), ("<h", 70000), ("B", 256), ("<B", -1), ("b", 200), ("<b", 200), ("H", -1), ("<H", -1),
               ("i", 2**31), ("<i", 2**31), ("I", -1), ("<I", 2**32), ("l", 2**63), ("<l", 2**31), ("<L", -1),
               ("q", 2**63), ("<q", 2**63), ("Q", -1), ("<Q", 2**64), ("n", 2**63), ("N", -1), ("P", -1), ("P", 2**64),
               ("<i", 2**100), ("i", "a"), ("i", 1.5), ("<i", 3.0), ("f", "a"), ("d", 2**2000), ("<f", 1e300),
               ("<f", float("inf")), ("<e", 65520.0), ("e", 1e10), ("<e", 10**6), ("c", b"ab"), ("c", "a"),
               ("c", 5), ("c", bytearray(b"a")), ("s", "a"), ("3s", 5), ("p", "x"), ("?", [])]:
    t(struct.pack, fmt, v)
for fmt in ["z", "3", "<n", "<P", "2 i", " 2 i", "i\0", "99999999999999999999i", "9223372036854775807i", "i" * 3 + "y"]:
    t(struct.calcsize, fmt)
t(struct.pack, "i")
t(struct.pack, "i", 1, 2)
t(struct.pack, "x", 1)
t(struct.pack, "3s2p", b"a")
t(struct.pack)
t(struct.pack, 5, 1)
t(struct.calcsize, 1)
t(struct.Struct, 1)
t(struct.Struct)
t(struct.Struct, "<h", 1)
t(struct.unpack, "i", b"abc")
t(struct.unpack, "<q", b"abc")
t(struct.unpack, "<h", b"abcd")
t(struct.unpack, "i", 5)
t(struct.unpack, "i", "abcd")
t(struct.unpack, "i")
t(struct.unpack_from, "i", b"abc")
t(struct.unpack_from, "i", b"abcdefgh", 6)
t(struct.unpack_from, "i", b"abcdefgh", -20)
t(struct.unpack_from, "i", b"abcdefgh", -2)
t(struct.unpack_from, "<h", b"\x00\x01\x02", "a")
t(struct.pack_into, "i", bytearray(3), 0, 1)
t(struct.pack_into, "i", bytearray(8), 6, 1)
t(struct.pack_into, "i", bytearray(8), -20, 1)
t(struct.pack_into, "i", bytearray(8), -2, 1)
t(struct.pack_into, "i", b"abcdefgh", 0, 1)
t(struct.pack_into, "<h", bytearray(2), "a", 1)
t(struct.pack_into, "<h", bytearray(2))
t(struct.pack_into, "<h")
t(struct.pack_into, "<h", bytearray(2), 0)
t(struct.Struct("i").pack_into, bytearray(4), 0)
t(struct.Struct("i").pack_into, bytearray(4))
t(struct.iter_unpack, "i", b"abc")
t(struct.iter_unpack, "", b"abc")
t(struct.iter_unpack, "i", 3)
ba = bytearray(4)
t(struct.pack_into, "<hh", ba, 0, 1, 99999)
print(ba)
print(issubclass(struct.error, Exception), struct.error.__module__, struct.error.__name__, repr(struct.error))
try:
    struct.pack("h", 99999)
except struct.error as e:
    print("caught", type(e).__name__, e.args)
