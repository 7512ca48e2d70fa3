# _io.StringIO: read/write/seek/tell/getvalue/readline(s)/truncate/iteration, newline modes, closed checks and CPython's messages
import _io
import sys

def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

s = _io.StringIO()
print(s.write("hello "), s.write("wörld\n"), s.write("二行目\nlast"), s.tell())
print(repr(s.getvalue()), s.seek(0), repr(s.read(5)), s.tell(), repr(s.read()), repr(s.read()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print(s.readlines(), s.readlines())
s.seek(0)
print(list(s), [line for line in _io.StringIO("a\nb\n")], s.readlines(3))
s.seek(0)
print(s.readlines(1), s.readline(3), repr(s.readline(0)), repr(s.readline(-1)), repr(s.read(0)))
s = _io.StringIO("initial value")
print(s.tell(), s.read(7), s.write("V"), repr(s.getvalue()), s.tell())
s = _io.StringIO()
s.write("abc")
s.seek(6)
print(s.write("x"), repr(s.getvalue()), s.tell())
s = _io.StringIO("hello")
s.seek(2)
print(s.truncate(), repr(s.getvalue()), s.tell(), s.seek(0), s.truncate(1), repr(s.read()), s.truncate(10), repr(s.getvalue()))
s = _io.StringIO("héllo wörld")
print(s.read(3), s.tell(), s.read(), s.tell(), s.seek(0, 2), s.seek(0, 1), s.seek(3), s.read(2))
print(s.readable(), s.writable(), s.seekable(), s.isatty(), s.closed, s.line_buffering, s.encoding, s.errors, s.newlines)
print(s.__getstate__())
s.writelines(["a", "b", "c"])
print(repr(s.getvalue()))
print(type(s).__name__, type(s).__module__, repr(type(s)), repr(s).startswith("<_io.StringIO object at "))
with _io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = _io.StringIO("a\r\nb\rc\nd", newline=nl)
    v = s.getvalue()
    print(repr(nl), repr(v), s.readlines(), s.newlines)
    s = _io.StringIO(newline=nl)
    s.write("x\ny\r\nz\r")
    print(repr(nl), repr(s.getvalue()), s.tell())

s = _io.StringIO("abc")
for f, a in [(s.write, (b"x",)), (s.write, (5,)), (s.seek, (-1,)), (s.seek, (0, 3)), (s.seek, (1, 1)), (s.seek, (1, 2)),
             (s.seek, (1.5,)), (s.seek, ("a",)), (s.truncate, (-1,)), (s.truncate, ("a",)), (s.read, ("x",)),
             (s.read, (1.5,)), (s.readline, ("a",)), (s.seek, (2**70,)), (s.detach, ()), (s.fileno, ()),
             (_io.StringIO, (b"x",)), (_io.StringIO, (1,)), (_io.StringIO, ("a", "b", "c")), (s.seek, ())]:
    t(f, *a)
t(_io.StringIO, newline="x")
t(_io.StringIO, newline=1)
print(_io.StringIO(initial_value="kw", newline=None).read())
t(_io.StringIO, x=1)
s.close()
s.close()
for m in ["getvalue", "read", "readline", "readlines", "tell", "flush", "isatty", "readable", "writable", "seekable",
          "__iter__", "__next__", "truncate", "__enter__", "__getstate__"]:
    t(getattr(s, m))
t(s.write, "x")
t(s.seek, 0)
t(lambda: s.line_buffering)
t(lambda: s.newlines)
t(next, s)
print(s.closed)

class Sub(_io.StringIO):
    def __init__(self, prefix):
        super().__init__(prefix + ":")
        self.seek(0, 2)
        self.count = 0
    def write(self, text):
        self.count += 1
        return super().write(text.upper())
sub = Sub("log")
print(sub.write("abc"), sub.getvalue(), sub.count, isinstance(sub, _io.StringIO), sub.__dict__)
print("to sub", end="!", file=sub)
print(repr(sub.getvalue()), sub.count)
class Lines(_io.StringIO):
    def readline(self, *a):
        line = super().readline(*a)
        return line.strip() + "|" if line else line
print(list(Lines("x\ny\n")))

saved = sys.stdout
sys.stdout = buf = _io.StringIO()
print("captured", 42)
print("second", sep="-", end="")
sys.stdout.write(" direct")
sys.stdout = saved
print(repr(buf.getvalue()))
big = _io.StringIO()
for i in range(2000):
    big.write("line %d\n" % i)
print(len(big.getvalue()), big.getvalue().count("\n"), big.tell())
big.seek(0)
print(sum(1 for _ in big), big.read())
