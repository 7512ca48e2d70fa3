# str: partition/rpartition with found, missing, repeated and multi-char separators; errors
for s in ["key=value", "key=val=ue", "novalue", "=start", "end=", "", "a==b", "日=本=語"]:
    print(repr(s), s.partition("="), s.rpartition("="), s.partition("=="), s.rpartition("=="))
print("a.b.c".partition("."), "a.b.c".rpartition("."), "path/to/file.tar.gz".rpartition("/")[2].partition(".")[0])
for sep in ["", 1, None]:
    try:
        "abc".partition(sep)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
    try:
        "abc".rpartition(sep)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
url = "https://example.com:8080/path?q=1"
scheme, _, rest = url.partition("://")
host, _, path = rest.partition("/")
h, _, port = host.rpartition(":")
print(scheme, h, port, path, path.partition("?"))
print(type("a=b".partition("=")).__name__, len("x".partition("y")))
