# exc: exact messages of exceptions raised by common builtin operations (values, containers, conversions)
cases = [
    ("1/0", lambda: 1 / 0), ("1//0", lambda: 1 // 0), ("1%0", lambda: 1 % 0), ("1.0/0", lambda: 1.0 / 0),
    ("[][0]", lambda: [][0]), ("()[1]", lambda: ()[1]), ("''[2]", lambda: ""[2]), ("range(2)[5]", lambda: range(2)[5]),
    ("{}['k']", lambda: {}["k"]), ("{}[(1,2)]", lambda: {}[(1, 2)]), ("{}[None]", lambda: {}[None]),
    ("int('x')", lambda: int("x")), ("int('')", lambda: int("")), ("float('x')", lambda: float("x")),
    ("int(None)", lambda: int(None)), ("len(5)", lambda: len(5)), ("iter(5)", lambda: iter(5)), ("next([])", lambda: next([])),
    ("[].pop()", lambda: [].pop()), ("{}.popitem()", lambda: {}.popitem()), ("set().pop()", lambda: set().pop()),
    ("'a'.index('b')", lambda: "a".index("b")), ("[1].index(2)", lambda: [1].index(2)), ("(1,).index(2)", lambda: (1,).index(2)),
    ("chr(-1)", lambda: chr(-1)), ("ord('ab')", lambda: ord("ab")), ("'x' * -1.0", lambda: "x" * -1.0),
    ("hash([])", lambda: hash([])), ("{...}[[]]", lambda: {(): 1, "x": {}}[[]]), ("sorted([1, 'a'])", lambda: sorted([1, "a"])),
    ("'abc'.foo", lambda: "abc".foo), ("None.x", lambda: None.x), ("(1).real = 2", lambda: setattr(1, "real", 2)),
    ("abs('s')", lambda: abs("s")), ("-'s'", lambda: -"s"), ("~1.5", lambda: ~1.5), ("round('x')", lambda: round("x")),
    ("for a, b in [(1, 2, 3)]", lambda: [a for a, b in [(1, 2, 3)]]), ("'%d' % 'x'", lambda: "%d" % "x"), ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("pow(2, 3, 0)", lambda: pow(2, 3, 0)), ("list(None)", lambda: list(None)), ("dict(1)", lambda: dict(1)),
    ("(-1) ** 0.5 + 's'", lambda: (-1) ** 0.5 + "s"), ("bytes(-1)", lambda: bytes(-1)), ("'é'.encode('ascii')", lambda: "é".encode("ascii")),
]
for label, fn in cases:
    try:
        fn()
    except Exception as e:
        print(f"{label:<22} {type(e).__name__}: {e}")
    else:
        print(label, "did not raise")
