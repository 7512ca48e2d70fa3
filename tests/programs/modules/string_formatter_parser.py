# _string: formatter_parser and formatter_field_name_split (what string.Formatter uses), lazy errors as CPython
import _string
for s in ["", "abc", "a{b}c", "{0!r:>10}", "{}{}", "x{{y}}z{a.b[0]!s}", "{:{w}.{p}}", "{!}", "a{", "}x", "{0[}", "{a!rx}", "é{ü}ß"]:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
it = _string.formatter_parser("ok{x}{")
print(next(it))
try: next(it)
except ValueError as e: print("ValueError", e)
for n in ["", "a", "0", "12", "a.b", "a[0].c[key]", "0.real", "a[", "a.", "a[]", "a]x", "a..b", "a[0]b", "00", "١٢"]:
    try:
        first, rest = _string.formatter_field_name_split(n)
        print(repr(n), repr(first), end=" ")
        print(list(rest))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [1, None]:
    for f in (_string.formatter_parser, _string.formatter_field_name_split):
        try: f(bad)
        except TypeError as e: print("TypeError", e)
print(type(_string.formatter_parser("")).__name__, type(_string.formatter_field_name_split("a")[1]).__name__)
