# lower/upper/capitalize: inline ASCII strs take a path in registers; heap, non-ASCII and
# wrong-argument calls take the general one (with CPython's messages).

for s in ["", "a", "Ab", "hELLO wORLD", "x" * 15, "Y" * 16, "mIxEd CaSe TeXt, LonGer than 15", "éA", "ÉCOLE", "ßa", "ǅx", "İi", "1a2B", "\x00A"]:
    print(repr(s.lower()), repr(s.upper()), repr(s.capitalize()))
for name in ("lower", "upper", "capitalize"):
    for args, kw in (((1,), {}), ((), {"x": 1}), ((1, 2), {})):
        try:
            getattr("ab", name)(*args, **kw)
        except TypeError as e:
            print(type(e).__name__, e)
    try:
        getattr(str, name)(5)
    except TypeError as e:
        print(type(e).__name__, e)
words = "the Quick brown FOX".split()
print([w.lower() for w in words], [w.capitalize() for w in words], [w.upper()[:3] for w in words])
