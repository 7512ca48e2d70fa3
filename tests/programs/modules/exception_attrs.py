# ImportError and SyntaxError attributes, constructed directly and raised by the system.
e = ImportError("boom", name="mod", path="/p/mod.py")
print(e.msg, e.name, e.path, str(e), e.args)
e = ImportError()
print(e.msg, e.name, e.path, repr(str(e)))
e = ModuleNotFoundError("nope")
print(e.msg, e.name)
try:
    ImportError("x", bogus=1)
except TypeError as t:
    print(t)
s = SyntaxError("bad thing")
print(s.msg, s.filename, s.lineno, str(s))
s = SyntaxError("bad", ("f.py", 3, 4, "x = $\n"))
print(s.msg, s.filename, s.lineno, s.offset, repr(s.text), s.end_lineno, str(s))
s = SyntaxError("bad", ("/a/b/f.py", 3, 4, "x = $\n", 3, 6))
print(str(s), s.end_offset)
s = SyntaxError("bad", (None, 7, None, None))
print(str(s))
try:
    compile("x = = 1", "/some/dir/file.py", "exec")
except SyntaxError as err:
    print(err, err.end_offset)
try:
    import imphelp.no_such_thing
except ImportError as err:
    print(err.msg, err.name, err.path)
