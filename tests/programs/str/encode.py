# str: encode() to utf-8/ascii/latin-1/utf-16/utf-32 with error handlers, decode round trips, error text
for s in ["hello", "héllo", "日本語", "🐍", "", "a\x00b", "\u00ff\u0100"]:
    print(repr(s), s.encode(), s.encode("utf-8"), len(s.encode("utf-16")), s.encode("utf-16-le"), s.encode("utf-32-be")[:8])
print("héllo".encode("latin-1"), "héllo".encode("ascii", "ignore"), "héllo".encode("ascii", "replace"),
      "héllo".encode("ascii", "backslashreplace"), "héllo".encode("ascii", "xmlcharrefreplace"), "日🐍".encode("ascii", "backslashreplace"))
for s, enc in [("héllo", "ascii"), ("日本", "latin-1"), ("\udc80", "utf-8"), ("x", "no-such-codec")]:
    try:
        s.encode(enc)
    except (UnicodeEncodeError, LookupError) as e:
        print(type(e).__name__ + ":", e)
print("ÄÖÜ".encode("utf8"), "ÄÖÜ".encode("UTF-8"), "ÄÖÜ".encode("Latin1"), "x".encode(encoding="ascii", errors="strict"))
b = "mixed ascii é 日 🐍".encode()
print(b, b.decode(), b.decode("utf-8") == "mixed ascii é 日 🐍", len(b))
print(b"\xff\xfe".decode("latin-1"), b"caf\xc3\xa9".decode(), b"\xe6\x97\xa5".decode("utf-8"))
for data, enc in [(b"\xff", "utf-8"), (b"\xc3", "utf-8"), (b"\x80abc", "ascii"), (b"\xed\xa0\x80", "utf-8")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
print(b"\xffab".decode("utf-8", "replace"), b"\xffab".decode("utf-8", "ignore"), b"\xffab".decode("utf-8", "backslashreplace"))
print(str(b"abc", "ascii"), str(b"\xc3\xa9", encoding="utf-8"), str(b"x\xff", "utf-8", "replace"))
