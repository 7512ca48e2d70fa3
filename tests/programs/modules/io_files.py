# _io on files: open() layering and modes, FileIO, Buffered* (peek/read1/seek/tell/r+ interleaving), TextIOWrapper newlines, encodings, errors
import _io
import time

base = "/tmp/apython_test_io_files_%d" % time.time_ns()
path = base + ".txt"

def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print(repr(r).replace(base, "BASE"))
    except Exception as e:
        print(type(e).__name__, str(e).replace(base, "BASE"))

def show(x):
    return repr(x).replace(base, "BASE")

with _io.open(path, "w") as f:
    print(show(f), f.encoding, f.errors, f.newlines, f.line_buffering, f.write_through, f.mode)
    print(show(f.buffer), show(f.buffer.raw), f.name == path, f.buffer.name == path, f.buffer.mode, f.buffer.raw.mode)
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.fileno() > 2, f.closed)
    print(f.write("first line\n"), f.write("second é日🐍\n"), f.write("third"), f.tell())
    print("via print", 1, 2, sep="-", file=f)
    f.writelines(["x\n", "y\n"])
print(f.closed, f.buffer.closed, f.buffer.raw.closed, show(f.buffer.raw))
with _io.open(path) as f:
    print(repr(f.read()))
with _io.open(path) as f:
    print(repr(f.readline()), repr(f.readline(4)), repr(f.readline()), f.readlines())
with _io.open(path) as f:
    print([line for line in f])
    t(f.tell)
with _io.open(path) as f:
    print(f.readlines(15), repr(f.read(3)))
    t(f.tell)
    print(f.seek(0), repr(f.read(5)), f.tell(), f.seek(0, 2), repr(f.read()))
    t(f.seek, 1, 1)
    t(f.seek, 1, 2)
    t(f.seek, -1)
    t(f.seek, 0, 5)
    print(f.seek(0, 1) == f.tell())
# Binary layers.
with _io.open(path, "rb") as b:
    print(show(b), b.mode, b.peek(1)[:5], b.read1(3), b.read(2), b.tell(), b.readline(), b.readline(3), b.tell())
    print(b.seek(2), b.read(3), b.seek(-3, 2), b.read(), b.read(), b.seek(-2, 1), b.read(1))
    print(b.readable(), b.writable(), b.seekable(), b.raw.closefd, b.raw._blksize > 0)
    t(b.write, b"x")
    t(b.read, -5)
with _io.open(path, "rb", buffering=0) as r:
    print(show(r), r.read(5), r.readall()[:6], r.read(), r.tell(), r.seek(0), r.read(3))
    ba = bytearray(4)
    print(r.readinto(ba), ba)
    t(r.write, b"x")
with _io.open(path, "r+b") as rw:
    print(rw.read(5), rw.write(b"LINE"), rw.tell(), rw.read(3), rw.seek(0), rw.read(12))
    rw.seek(0, 2)
    rw.write(b"\nappended")
    print(rw.tell(), rw.seek(0), rw.readline())
with _io.open(path, "a") as a:
    print(a.tell() > 0, a.write("\nmore"), show(a))
with _io.open(path, "r+") as f:
    print(repr(f.readline()), f.write("Z"))
    f.seek(0)
    print(repr(f.read())[-20:])
f = _io.open(path, "rb")
print(f.read().count(b"\n"))
f.close()

# Newline modes.
with _io.open(path, "wb") as w:
    w.write("héllo\r\nwörld\rend\nlast".encode())
for nl in [None, "", "\n", "\r", "\r\n"]:
    with _io.open(path, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, f.newlines)
    with _io.open(path, newline=nl) as f:
        print(repr(nl), repr(f.read()), repr(f.read(2)))
for nl in [None, "", "\n", "\r", "\r\n"]:
    with _io.open(path, "w", newline=nl) as f:
        f.write("a\nb\r\nc\r")
    with _io.open(path, "rb") as f:
        print(repr(nl), f.read())
with _io.open(path, "w", newline="") as f:
    f.write("x\r" + "y" * 8190 + "\r\nz\r")
with _io.open(path) as f:
    print([len(x) for x in f.readlines()])
with _io.open(path) as f:
    print(len(f.read(8192)), repr(f.read(3)))

# Encodings and errors.
for enc in ["utf-8", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-8-sig", "UTF8"]:
    try:
        with _io.open(path, "w", encoding=enc) as f:
            f.write("abc")
            f.write("é" if enc != "ascii" else "e")
        with _io.open(path, "rb") as f:
            raw = f.read()
        with _io.open(path, encoding=enc) as f:
            print(enc, raw, repr(f.read(1)), f.tell(), repr(f.read()), f.encoding)
    except Exception as e:
        print(enc, type(e).__name__, e)
with _io.open(path, "w", encoding="latin-1") as f:
    t(f.write, "日本")
with _io.open(path, "wb") as f:
    f.write(b"ab\xffcd\n\xc3\xa9\n")
t(lambda: _io.open(path).read())
t(lambda: _io.open(path, encoding="ascii").read())
t(lambda: _io.open(path, errors="replace").read())
t(lambda: _io.open(path, errors="ignore").read())
t(lambda: _io.open(path, errors="backslashreplace").readlines())
t(lambda: _io.open(path, encoding="latin-1").read())
with _io.open(path, "wb") as f:
    f.write("é".encode() * 5000)
with _io.open(path) as f:
    s = f.read()
    print(len(s), set(s))
with _io.open(path) as f:
    print(len(f.read(4097)), f.tell(), len(f.read()))

# Large file, line by line.
with _io.open(path, "w") as f:
    for i in range(3000):
        f.write("line %d %s\n" % (i, "x" * (i % 50)))
with _io.open(path) as f:
    n = 0
    total = 0
    for line in f:
        n += 1
        total += len(line)
    print(n, total, repr(line))
with _io.open(path, "rb") as f:
    print(sum(1 for _ in f), f.tell())

# Errors from open() and the layers.
t(_io.open, base + "_missing.txt")
t(_io.open, "/", "w")
t(_io.open, path, "rw")
t(_io.open, path, "rbt")
t(_io.open, path, "rU")
t(_io.open, path, "r", buffering=0)
t(_io.open, path, "r", encoding="nope")
t(_io.open, path, 5)
t(_io.open, path, "r", encoding=5)
t(_io.open, path, "rb", encoding="x")
t(_io.open, path, "rb", errors="x")
t(_io.open, path, "rb", newline="x")
t(_io.open, path, "r", newline="x")
t(_io.open, 3.5)
t(_io.open, path, "x")
t(_io.FileIO, path, "z")
t(_io.FileIO, path, "rr")
t(_io.FileIO, path, closefd=False)
t(_io.FileIO, -1)
t(_io.BufferedReader, _io.FileIO(path, "w"))
t(_io.BufferedWriter, _io.FileIO(path, "r"))
t(_io.BufferedReader, _io.FileIO(path, "r"), 0)
f = _io.open(path)
f.close()
for m in ["read", "readline", "tell", "flush", "fileno", "readable", "__enter__"]:
    t(getattr(f, m))
t(f.seek, 0)
t(iter, f)
print(f.close(), f.closed, show(f), show(f.buffer), show(f.buffer.raw))
b = _io.open(path, "rb")
b.close()
t(b.read)
t(b.peek)
t(b.readline)
t(b.raw.read)
t(b.seek, 0)
w = _io.open(path, "wb")
w.close()
t(w.write, b"x")
t(w.flush)
with _io.open(path, "r") as f:
    t(f.write, "x")
    t(f.buffer.write, b"x")
    t(f.buffer.raw.write, b"x")
    t(f.truncate)
with _io.open(path, "w") as f:
    t(f.read)
    t(f.write, b"bytes")
    t(f.write, 5)

# Detach, fd reuse, opener.
f = _io.open(path, "w")
buf = f.detach()
print(show(buf), buf.write(b"detached\n"))
t(f.write, "x")
t(lambda: f.buffer)
buf.close()
raw = _io.FileIO(path)
g = _io.open(raw.fileno(), closefd=False)
print(show(g), g.read(), g.name == raw.fileno())
g.close()
print(raw.closed, raw.read(), show(_io.FileIO(raw.fileno(), closefd=False)))
raw.close()
keep = _io.FileIO(path)
def opener(name, flags):
    print("opener", name == path, flags & 3)
    return keep.fileno()
with _io.open(path, "rb", opener=opener) as o:
    print(o.read(8), o.raw.closefd)
t(keep.close)
t(_io.open, path, opener=lambda n, f: -1)
t(_io.open, path, opener=lambda n, f: "x")
