# io: the io module over _io (ABC registration of the C classes, io.IOBase subclasses, UnsupportedOperation, SEEK_*)
import io

print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, io.open is open, io.UnsupportedOperation.__module__)
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase), issubclass(io.FileIO, io.RawIOBase))
print(issubclass(io.TextIOWrapper, io.IOBase), isinstance(io.StringIO(), io.IOBase), issubclass(io.BufferedRandom, io.BufferedIOBase))
print([c.__name__ for c in io.RawIOBase.__mro__], type(io.IOBase).__name__)

class Upper(io.RawIOBase):
    def __init__(self, data):
        self.data = data
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data))
        b[:n] = self.data[:n].upper()
        self.data = self.data[n:]
        return n
u = Upper(b"hello\nworld\n")
print(isinstance(u, io.IOBase), u.readline(), list(io.BufferedReader(u)))
text = io.TextIOWrapper(io.BufferedReader(Upper(b"abc\ndef\n")), encoding="ascii")
print(text.read().splitlines())
try:
    io.StringIO().fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation:", e, isinstance(e, OSError), isinstance(e, ValueError))
with io.StringIO() as buf:
    print("into", "buffer", file=buf)
    print(repr(buf.getvalue()))
