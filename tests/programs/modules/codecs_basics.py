# _codecs / codecs: registry lookups, the built-in codec functions' (result, consumed)
# tuples, incremental codecs, error handlers, and str.encode/bytes.decode through the registry.
import codecs
import _codecs

seen = []
def search(name):
    seen.append(name)
    return None
codecs.register(search)
for n in ["Foo-Bar", "foo bar", "FOO_BAR", " x--y ", "a.b", "x!!y"]:
    try:
        codecs.lookup(n)
    except LookupError as e:
        print("LookupError", e)
print(seen)
codecs.unregister(search)

ci = codecs.lookup("UTF8")
print(type(ci).__name__, ci.name, isinstance(ci, tuple), len(ci))
print(codecs.lookup("utf-8") is codecs.lookup("UTF-8"), codecs.lookup("latin1").name, codecs.lookup("ASCII").name)
for bad in [3, None]:
    try:
        codecs.lookup(bad)
    except TypeError as e:
        print("TypeError", e)

print(_codecs.utf_8_encode("héllo"), _codecs.utf_8_decode(b"h\xc3\xa9"))
print(_codecs.utf_8_decode(b"ab\xc3", "strict", False), _codecs.utf_8_decode(b"ab\xe2\x82", None, False))
print(_codecs.utf_8_decode(b"a\xffb", "replace", True), _codecs.utf_8_decode(b"a\xffb", "ignore"))
print(_codecs.latin_1_encode("é"), _codecs.latin_1_decode(b"\xe9\xff"), _codecs.ascii_decode(b"abc"))
print(_codecs.ascii_encode("aé", "replace"), _codecs.ascii_encode("aé", "backslashreplace"))
print(_codecs.utf_16_encode("a"), _codecs.utf_16_encode("a", None, 1), _codecs.utf_16_encode("a", None, -1))
print(_codecs.utf_16_decode(b"\xff\xfea\x00b"), _codecs.utf_16_ex_decode(b"\xfe\xff\x00a"))
print(_codecs.utf_16_le_decode(b"a\x00\x3d\xd8", None, False), _codecs.utf_16_be_encode("\U0001f600"))
print(_codecs.utf_32_encode("a"), _codecs.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"))
print(_codecs.utf_32_le_decode(b"a\x00\x00\x00b\x00", None, False))
print(_codecs.escape_decode(b"a\\n\\x41\\101\\\\"), _codecs.escape_encode(b"a\n\x00'\\"))
print(_codecs.unicode_escape_decode(b"a\\u00e9\\n\\U0001F600"), _codecs.unicode_escape_encode("é\n\u1234\\"))
print(_codecs.raw_unicode_escape_encode("é\u1234"), _codecs.raw_unicode_escape_decode(b"\\u1234\\n"))
print(_codecs.raw_unicode_escape_decode(b"\\\\u0041 \\x41"))
print(_codecs.charmap_build("abc"), _codecs.charmap_decode(b"\x00\x01", "strict", "ab"))
print(_codecs.charmap_encode("ba", "strict", {97: 1, 98: b"xy"}), _codecs.charmap_decode(b"\x00", None, {0: "zz"}))
print(_codecs.readbuffer_encode(b"xy"), _codecs.encode("abc"), _codecs.decode(b"abc", "latin-1"))

def err(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__, e)

err(_codecs.utf_8_decode, b"ab\xc3", "strict", True)
err(_codecs.utf_8_decode, b"\xff")
err(_codecs.utf_8_encode, b"x")
err(_codecs.utf_8_decode, "x")
err(_codecs.latin_1_encode, "\u1234")
err(_codecs.ascii_encode, "abcé€")
err(_codecs.lookup_error, "nope")
err(_codecs.charmap_decode, b"\x02", "strict", "ab")
err(_codecs.charmap_encode, "z", "strict", {97: 1})
err(_codecs.unicode_escape_decode, b"\\x4")
err(_codecs.unicode_escape_decode, b"\\u12")
err(_codecs.unicode_escape_decode, b"abc\\")
err(_codecs.escape_decode, b"\\x4")
err(_codecs.escape_decode, b"abc\\")
err(_codecs.utf_8_encode, "x", 5)
err(_codecs.register, 5)
err(_codecs.register_error, "x", 5)
err("x".encode, "nope")
err("x".encode, "rot13")
err(b"x".decode, "rot13")
err(b"\xff".decode, "ascii")
err("é".encode, "ascii")

try:
    "aé".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, e.args)
try:
    b"a\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
e = UnicodeEncodeError("ascii", "aéé", 1, 3, "oops")
print(e, "|", UnicodeDecodeError("x", b"\xff\xfe", 0, 1, "bad"), "|", UnicodeTranslateError("ab", 0, 2, "why"))
err(UnicodeEncodeError, "ascii")
print(codecs.replace_errors(e), codecs.ignore_errors(e), codecs.backslashreplace_errors(e))
print(codecs.xmlcharrefreplace_errors(e), codecs.replace_errors(UnicodeDecodeError("x", b"\xff\xfe", 0, 2, "bad")))
print(codecs.backslashreplace_errors(UnicodeDecodeError("ascii", b"a\xff", 1, 2, "x")))
err(codecs.strict_errors, e)
err(codecs.xmlcharrefreplace_errors, UnicodeDecodeError("x", b"\xff", 0, 1, "bad"))
err(codecs.ignore_errors, ValueError())

def mine(exc):
    return ("<%d:%d>" % (exc.start, exc.end), exc.end)
codecs.register_error("mine", mine)
print(codecs.lookup_error("mine") is mine)
print("aéé!".encode("ascii", "mine"), b"a\xff\xfeb".decode("utf-8", "mine"), "zé".encode("cp1252", "mine"))
print("a\u1234".encode("latin-1", "xmlcharrefreplace"), "a\u1234b".encode("cp1252", "replace"))

# Encodings implemented in Python (encodings.cp1252 ...), through str.encode/bytes.decode.
print(b"caf\xe9 \x80".decode("cp1252"), "café €".encode("cp1252"), "Ωmega".encode("iso8859_7"))
print("x".encode("utf_8"), "hi".encode("UTF-16-LE"), b"h\x00i\x00".decode("utf_16_le"), "a".encode("U8"))
print(codecs.encode("abc", "rot13"), codecs.decode("nop", "rot_13"))
print(codecs.encode("é", "utf-8"), codecs.decode(b"\xc3\xa9"), codecs.encode("x", encoding="latin-1", errors="strict"))

# Incremental codecs and streams.
dec = codecs.getincrementaldecoder("utf-8")()
print(repr(dec.decode(b"\xe2\x82")), repr(dec.decode(b"\xac!")), repr(dec.decode(b"", final=True)))
dec = codecs.getincrementaldecoder("utf-8")()
dec.decode(b"\xe2")
err(dec.decode, b"", True)
enc = codecs.getincrementalencoder("utf-16")()
print(enc.encode("a"), enc.encode("b"))
d16 = codecs.getincrementaldecoder("utf-16")()
print(repr(d16.decode(b"\xff\xfea")), repr(d16.decode(b"\x00b\x00")))
print(list(codecs.iterdecode([b"a\xc3", b"\xa9", b"z"], "utf-8")), list(codecs.iterencode(["a", "é"], "latin-1")))
print(codecs.getencoder("ascii")("abc"), codecs.getdecoder("latin-1")(b"\xe9"))
import io
raw = io.BytesIO()
w = codecs.getwriter("utf-8")(raw)
w.write("héllo")
print(raw.getvalue())
r = codecs.getreader("utf-8")(io.BytesIO("wörld\nline2\n".encode()))
print(repr(r.readline()), repr(r.read()))
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE)

# Files: codecs.open, and open() with a registry encoding.
import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "t.txt")
    with codecs.open(p, "w", "utf-8") as f:
        f.write("héllo\nwörld\n")
    with codecs.open(p, "r", "utf-8") as f:
        print(f.readlines())
    with codecs.open(p, "w", "utf-16") as f:
        f.write("abc")
    with open(p, "rb") as f:
        print(f.read())
    with open(p, "w", encoding="cp1252") as f:
        print(f.encoding, f.write("café €\nline2\n"))
    with open(p, "rb") as f:
        print(f.read())
    with open(p, encoding="cp1252") as f:
        print(repr(f.readline()), f.tell(), repr(f.read()))
    with open(p, encoding="cp1252", newline="") as f:
        print(list(f))
    for enc in ("bogus", "rot13"):
        try:
            open(p, encoding=enc)
        except LookupError as e:
            print("LookupError", e)
