# _io.BytesIO: read/read1/readinto/write/seek/tell/getvalue/readline(s)/truncate/iteration, closed checks and CPython's messages
import _io

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

b = _io.BytesIO()
print(b.write(b"hello "), b.write(bytearray(b"world\n")), b.write(b"\x00\xff\nlast"), b.tell())
print(b.getvalue(), b.seek(0), b.read(5), b.tell(), b.read(), b.read(), b.tell())
b.seek(0)
print(b.readline(), b.readline(), b.readline(), b.readline())
b.seek(0)
print(b.readlines(), b.readlines())
b.seek(0)
print(list(b), list(_io.BytesIO(b"a\nb")), b.readlines(3))
b.seek(0)
print(b.readlines(1), b.readline(3), b.readline(0), b.readline(-1), b.read(0), b.read1(), b.read1(2))
b = _io.BytesIO(b"initial")
print(b.tell(), b.read(4), b.write(b"IAL!"), b.getvalue(), b.tell())
b.seek(10)
print(b.write(b"x"), b.getvalue(), b.tell(), b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(5, 1), b.seek(0, 2))
b = _io.BytesIO(b"hello")
b.seek(2)
print(b.truncate(), b.getvalue(), b.tell(), b.seek(0), b.truncate(1), b.read(), b.truncate(10), b.getvalue())
b = _io.BytesIO(b"0123456789")
ba = bytearray(4)
print(b.readinto(ba), ba, b.readinto(ba), ba, b.seek(8), b.readinto(ba), ba, b.readinto(ba))
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed, b.flush())
print(b.__getstate__())
b.writelines([b"a", bytearray(b"b")])
print(b.getvalue(), type(b).__name__, type(b).__module__, repr(b).startswith("<_io.BytesIO object at "))
with _io.BytesIO(b"ctx") as c:
    print(c.read(), c.closed)
print(c.closed, _io.BytesIO(None).getvalue(), _io.BytesIO(initial_bytes=b"kw").read(), _io.BytesIO(bytearray(b"ba")).read())

b = _io.BytesIO(b"abc")
for f, a in [(b.write, ("x",)), (b.write, (5,)), (b.seek, (-1,)), (b.seek, (0, 3)), (b.seek, (1.5,)), (b.seek, ("a",)),
             (b.truncate, (-1,)), (b.truncate, ("a",)), (b.read, ("x",)), (b.read, (1.5,)), (b.readline, ("a",)),
             (b.readlines, ("a",)), (b.seek, (2**70,)), (b.readinto, (b"xx",)), (b.fileno, ()), (b.detach, ()),
             (_io.BytesIO, ("x",)), (_io.BytesIO, (1,)), (b.seek, ())]:
    t(f, *a)
b.close()
b.close()
for m in ["getvalue", "read", "read1", "readline", "readlines", "tell", "flush", "isatty", "readable", "writable",
          "seekable", "__next__", "truncate", "__enter__", "__getstate__"]:
    t(getattr(b, m))
t(b.write, b"x")
t(b.seek, 0)
t(b.readinto, bytearray(1))
t(b.writelines, [])
print(b.closed, iter(b) is b)

class Sub(_io.BytesIO):
    def __init__(self, data):
        super().__init__(data * 2)
        self.reads = 0
    def read(self, n=-1):
        self.reads += 1
        return super().read(n)
s = Sub(b"xy")
print(s.read(1), s.read(), s.reads, s.getvalue(), isinstance(s, _io.BytesIO))
big = _io.BytesIO()
for i in range(1000):
    big.write(b"%d," % i)
print(len(big.getvalue()), big.getvalue()[-8:], big.tell())
