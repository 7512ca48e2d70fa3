# _io layering: TextIOWrapper over BytesIO and Python buffers, Buffered* over Python raw streams, the _IOBase family's defaults, IncrementalNewlineDecoder, sys streams
import _io
import sys

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

print(_io.DEFAULT_BUFFER_SIZE, _io.text_encoding(None), _io.text_encoding("latin-1"), _io.BlockingIOError is BlockingIOError)
U = _io.UnsupportedOperation
print(U.__mro__, U.__module__, issubclass(U, OSError), issubclass(U, ValueError))
print([c.__name__ for c in _io.FileIO.__mro__], [c.__name__ for c in _io.TextIOWrapper.__mro__])
print([c.__name__ for c in _io.BytesIO.__mro__], [c.__name__ for c in _io.BufferedRandom.__mro__])
print(type(sys.stdout).__name__, type(sys.stdout.buffer).__name__, type(sys.stdout.buffer.raw).__name__, type(sys.stdin).__name__)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.mode, sys.stdin.mode, sys.stdout.encoding, sys.stderr.errors)
print(repr(sys.stdout), repr(sys.stderr.buffer), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stderr.line_buffering, sys.__stdout__ is sys.stdout)
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes through stdout.buffer\n")
sys.stdout.buffer.flush()
print("then text again")
sys.stdout.flush()

# TextIOWrapper over BytesIO.
raw = _io.BytesIO("line one\r\nline two\rthree\nlast é".encode("utf-8"))
w = _io.TextIOWrapper(raw, encoding="utf-8")
print(w.readline(), repr(w.readline()), w.readlines(), w.newlines, w.tell(), w.seek(0), repr(w.read(8)))
print(repr(w), w.encoding, w.buffer is raw, w.line_buffering, w.closed)
w.close()
print(w.closed, raw.closed)
out = _io.BytesIO()
w = _io.TextIOWrapper(out, encoding="latin-1", newline="\r\n", write_through=True)
print(w.write("a\nb é\n"), out.getvalue())
w2 = _io.TextIOWrapper(_io.BytesIO(), encoding="utf-8", line_buffering=True)
w2.write("no newline yet")
print(w2.buffer.getvalue())
w2.write(" then\n")
print(w2.buffer.getvalue())
w2.reconfigure(line_buffering=False)
w2.write("x\n")
print(w2.buffer.getvalue(), w2.line_buffering)
w2.flush()
print(w2.buffer.getvalue())
t(_io.TextIOWrapper, 5)
t(_io.TextIOWrapper, _io.BytesIO(), encoding="nope")
t(_io.TextIOWrapper, _io.BytesIO(), newline="x")
t(_io.TextIOWrapper, _io.BytesIO(), encoding=5)
t(_io.TextIOWrapper)
w3 = _io.TextIOWrapper(_io.BytesIO(b"abc"))
print(w3.encoding, w3.read(), w3.detach().getvalue())
t(w3.read)
t(lambda: w3.encoding)

# Python raw streams under the C buffers.
class Chunky(_io._RawIOBase):
    """Hands out at most 3 bytes per readinto."""
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(3, len(b), len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
c = Chunky(b"hello world\nsecond line\n")
print(c.read(4), c.read(), c.read(), c.calls, c.readable(), c.writable(), c.seekable(), c.closed)
c = Chunky(b"hello world\nsecond line\n")
print(c.readall(), c.calls)
c = Chunky(b"ab\ncd\n")
print(c.readline(), list(c), c.closed, c.close(), c.closed, c.__dict__.get("_IOBase__closed"))
t(c.read)
t(c.readline)
br = _io.BufferedReader(Chunky(b"abcdefghij\nklm\n"), 4)
print(br.read(5), br.peek(1), br.read1(10), br.readline(), br.read(), br.raw.calls)
tw = _io.TextIOWrapper(_io.BufferedReader(Chunky("ünïcödé\nline2\n".encode())), encoding="utf-8")
print(tw.readlines())

class Sink(_io._RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)
s = Sink()
bw = _io.BufferedWriter(s, 8)
print(bw.write(b"abc"), s.chunks, bw.write(b"defghijkl"), s.chunks)
bw.flush()
print(s.chunks, bw.closed)
bw.close()
print(bw.closed, s.closed)
t(bw.write, b"x")
tw = _io.TextIOWrapper(_io.BufferedWriter(Sink()), encoding="utf-8")
tw.write("text\n")
tw.flush()
print(tw.buffer.raw.chunks)

pair = _io.BufferedRWPair(Chunky(b"from reader\n"), Sink())
print(pair.read(4), pair.readline(), pair.write(b"to writer"), pair.readable(), pair.writable())
pair.flush()
print(pair.closed)
pair.close()
print(pair.closed)

# The abstract bases' defaults.
class Stream(_io._TextIOBase):
    pass
st = Stream()
print(st.readable(), st.writable(), st.seekable(), st.isatty(), st.closed, st.encoding, st.newlines, st.errors)
for m, a in [("read", ()), ("readline", ()), ("write", ("x",)), ("detach", ()), ("seek", (0,)), ("tell", ()),
             ("truncate", ()), ("fileno", ()), ("_checkReadable", ()), ("_checkWritable", ()), ("_checkSeekable", ())]:
    t(getattr(st, m), *a)
print(st._checkClosed(), st.flush(), st.__enter__() is st)
st.close()
print(st.closed, st.__dict__)
t(st.flush)
t(st.__enter__)
t(iter, st)
t(st._checkClosed)
class BufBase(_io._BufferedIOBase):
    def read(self, n=-1):
        return b"xyz"[:n if n >= 0 else 3]
bb = BufBase()
ba = bytearray(2)
print(bb.readinto(ba), ba, bb.read())
t(bb.read1)
t(bb.write, b"x")
t(_io._RawIOBase().read, 1)
t(_io._RawIOBase().write, b"x")
base = _io._IOBase()
print(base.readable(), base.closed, type(base).__name__, base.writelines([]))
base.close()
print(base.closed)
t(base.writelines, [])

# IncrementalNewlineDecoder.
d = _io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), repr(d.decode("\nb\r")), repr(d.decode("", final=True)), d.newlines, d.getstate())
d = _io.IncrementalNewlineDecoder(None, False)
print(repr(d.decode("x\r\ny\rz\n")), d.newlines, repr(d.decode("end\r")), d.getstate())
d.setstate((b"", 0))
print(repr(d.decode("", True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())

# print() and a replaced, None or deleted sys.stdout.
saved = sys.stdout
sys.stdout = None
print("invisible")
sys.stdout = saved
del sys.stdout
try:
    print("x")
except RuntimeError as e:
    msg = str(e)
sys.stdout = "not a stream"
try:
    print("y")
except AttributeError as e:
    msg2 = str(e)
sys.stdout = saved
print(msg, "|", msg2)

class Recorder:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        self.parts.append("<flush>")
r = Recorder()
print("a", 1, None, sep="", end="", file=r)
print("b", file=r, flush=True)
sys.stdout = r
print("via sys.stdout", 2)
sys.stdout = saved
print(r.parts)
