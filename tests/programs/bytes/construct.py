# bytes: bytes()/bytearray() constructors from ints, iterables, strings with encodings, and their errors
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes((0, 255)), bytes(range(5)), bytes("héllo", "utf-8"), bytes(b"copy"))
print(bytes(bytearray(b"ba")), bytes([x * 2 for x in range(4)]), bytes("abc", encoding="ascii"))
print(bytearray(), bytearray(2), bytearray([1, 2]), bytearray("é", "latin-1"), bytearray(b"x"), bytearray(range(3)))
for args in [(-1,), ([256],), ([-1],), (["a"],), ("text",), (1.5,), (None,), ("é", "ascii"), (b"x", "utf-8"), (3, "utf-8")]:
    try:
        print(bytes(*args))
    except (ValueError, TypeError, UnicodeEncodeError) as e:
        print(type(e).__name__ + ":", e)
print(bytes.fromhex("00ff"), bytes([True, False]), len(bytes(1000)), bytes(2**3))
print(b"abc" == bytes([97, 98, 99]), bytes(3) == b"\x00\x00\x00", b"" == bytes())
