# bytes: decode with encodings and error handlers, hex() with separators, fromhex, and the error messages
b = "héllo 日本 🐍".encode()
print(b, b.decode(), b.decode("utf-8"), len(b), b[:6].decode("utf-8", "ignore"), b[:2].decode("utf-8", "replace"))
print(b"\xff\xfe".decode("latin-1"), b"\x41\x42".decode("ascii"), bytearray(b"\xc3\xa9").decode())
for data in [b"\xff", b"ab\x80", b"\xc3\x28", b"\xe6\x97"]:
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e, e.start, e.end, e.reason)
print(b"\x00\x0f\xff".hex(), b"\xde\xad\xbe\xef".hex(":"), b"\xde\xad\xbe\xef".hex("-", 2), b"\x01\x02\x03\x04\x05".hex(" ", -2), b"".hex())
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad be ef"), bytes.fromhex(""), bytearray.fromhex("41 42"), bytes.fromhex("0a0B"))
for s in ["abc", "0g", "a b", 5]:
    try:
        print(bytes.fromhex(s))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    b"ab".hex("::")
except ValueError as e:
    print("ValueError:", e)
print(b"abc".hex(), bytes.fromhex(b"abc".hex()) == b"abc", bytes(range(256)).hex()[:40])
