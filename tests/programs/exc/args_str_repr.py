# exc: exception args, str() and repr() with zero/one/many/non-str args; KeyError's repr-style str
for e in [Exception(), Exception("one"), Exception("a", "b"), Exception(1), Exception(None), Exception(""), Exception(("t",)),
          ValueError("v"), KeyError("k"), KeyError(), KeyError(1, 2), KeyError(""), IndexError("i", 1), OSError(2, "No such file"),
          OSError(2, "No such file", "f.txt"), OSError("plain"), StopIteration(5), SystemExit(3), SystemExit("msg"),
          UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte"), AttributeError("attr"), NameError("n")]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = ValueError("x")
e.args = ("changed", 2)
print(e, repr(e), e.args)
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
oe = OSError(13, "Permission denied", "/root/x")
print(oe.errno, oe.strerror, oe.filename, type(oe).__name__, str(oe))
fe = FileNotFoundError(2, "No such file or directory", "missing.txt")
print(fe.errno, fe.filename, str(fe), isinstance(OSError(2, "x"), FileNotFoundError), type(OSError(2, "x")).__name__)
ue = UnicodeDecodeError("utf-8", b"ab\xff", 2, 3, "invalid start byte")
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason)
print(str(Exception("a\nb")), repr(Exception("q'uote")), str(KeyError("q'uote")), str(KeyError("a\nb")))
print(BaseException("base").args, Exception(*range(3)).args, len(Exception().args))
