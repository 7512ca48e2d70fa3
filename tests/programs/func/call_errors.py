# func: CPython's exact TypeError messages for bad calls: missing/too many positional, unexpected keyword
def none():
    pass
def one(a):
    pass
def two(a, b):
    pass
def three(a, b, c):
    pass
def dflt(a, b=1, c=2):
    pass
def star(a, *args):
    pass
five, text, nothing = 5, "s", None
cases = [
    ("none(1)", lambda: none(1)), ("none(1, 2)", lambda: none(1, 2)), ("none(x=1)", lambda: none(x=1)),
    ("one()", lambda: one()), ("one(1, 2)", lambda: one(1, 2)), ("one(b=1)", lambda: one(b=1)),
    ("two()", lambda: two()), ("two(1)", lambda: two(1)), ("two(b=1)", lambda: two(b=1)), ("two(1, 2, 3)", lambda: two(1, 2, 3)),
    ("three()", lambda: three()), ("three(1)", lambda: three(1)), ("three(c=1)", lambda: three(c=1)),
    ("dflt()", lambda: dflt()), ("dflt(1, 2, 3, 4)", lambda: dflt(1, 2, 3, 4)), ("dflt(1, d=2)", lambda: dflt(1, d=2)),
    ("star()", lambda: star()), ("star(b=1)", lambda: star(b=1)),
    ("two(1, a=2)", lambda: two(1, a=2)), ("dflt(1, 2, b=3)", lambda: dflt(1, 2, b=3)),
    ("one(**{'a': 1, 'z': 2})", lambda: one(**{"a": 1, "z": 2})), ("one(*[1], **{'a': 2})", lambda: one(*[1], **{"a": 2})),
    ("one(**{1: 2})", lambda: one(**{1: 2})), ("one(*5)", lambda: one(*5)), ("one(**[1])", lambda: one(**[1])),
    ("two(a=1, **{'a': 2})", lambda: two(a=1, **{"a": 2})),
    ("(lambda: 0)(1)", lambda: (lambda: 0)(1)), ("(lambda x, y: 0)()", lambda: (lambda x, y: 0)()),
    ("5()", lambda: five()), ("'s'()", lambda: text()), ("None()", lambda: nothing()),
]
for label, f in cases:
    try:
        f()
    except TypeError as e:
        print(label, "->", e)
