# memoryview over bytes/bytearray: attributes, indexing, slicing, tolist/tobytes/hex, cast,
# item and slice assignment through bytearray views, release and the context manager
m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:3].tobytes(), m[::2].tolist(), m[::-1].tobytes(), m.tolist()[:3])
print(m.format, m.itemsize, m.nbytes, m.readonly, m.ndim, m.shape, m.strides, m.obj, m.contiguous)
print(m == b"abcdef", m[1:3] == b"bc", m != b"x", m.hex(), bytes(m[2:4]), type(m).__name__)
for k in [6, -7, "a", 1.5]:
    try:
        m[k]
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
b = bytearray(b"abcdef")
with memoryview(b) as mb:
    mb[0] = 65
    mb[-1] = 0x7A
    mb[1:3] = b"XY"
    mb[::2] = b"123"
    mb[3:4] = bytearray(b"Q")
    mb[4:5] = memoryview(b"R")
    print(b, mb.readonly, bytes(mb), mb.cast("c")[0], mb.cast("b").tolist())
    c = mb.cast("c")
    c[1] = b"z"
    s = mb.cast("b")
    s[0] = -5
    print(b, mb.cast("B").tolist()[:2])
    for stmt in ["mb[0] = 256", "mb[0] = -1", "mb[0] = b'a'", "mb[0] = 1.5", "mb[1:3] = b'abc'",
                 "mb[0:2] = 'ab'", "del mb[0]", "mb[10] = 1", "mb['a'] = 1", "c[0] = b'ab'", "c[0] = 5",
                 "s[0] = 200", "s[0] = -129"]:
        try:
            exec(stmt)
            print("ok", stmt)
        except (ValueError, TypeError, IndexError) as e:
            print(stmt, type(e).__name__, e)
try:
    mb[0]
except ValueError as e:
    print(type(e).__name__, e)
ro = memoryview(b"x")
for stmt in ["ro[0] = 1", "del ro[0]"]:
    try:
        exec(stmt)
    except TypeError as e:
        print(stmt, type(e).__name__, e)
w = memoryview(bytearray(8)).cast("H")
w[0] = 513
w[3] = 65535
print(w.tolist(), bytes(w.obj), w.nbytes, w.itemsize, w.format)
try:
    w[1] = 65536
except ValueError as e:
    print(type(e).__name__, e)
m.release()
try:
    len(m)
except ValueError as e:
    print(type(e).__name__, e)
