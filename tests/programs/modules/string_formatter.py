# string: string.Formatter (format, vformat, parse, subclass hooks, errors) on top of _string
import string

f = string.Formatter()
print(f.format("{0}-{1!r}-{x:>5}", 1, "a", x=3.5))
print(f.format("{a.real} {b[1]} {:{w}}", 5, a=3, b=[1, 2], w=4))
print(f.vformat("{0} {k}", (1,), {"k": "v"}))
print(list(f.parse("a{b!r:c}d")), list(f.parse("")), list(f.parse("{{}}")))
print(f.get_field("a.b", (), {"a": type("X", (), {"b": 7})}), f.convert_field("x", "r"), f.format_field(3, "03"))

class Upper(string.Formatter):
    def get_value(self, key, args, kwargs):
        return str(key).upper()
    def format_field(self, value, spec):
        return "<" + super().format_field(value, spec) + ">"
print(Upper().format("{hello} {0} {x:>3}", 1))

class Default(string.Formatter):
    def get_value(self, key, args, kwargs):
        try:
            return super().get_value(key, args, kwargs)
        except (KeyError, IndexError):
            return "?"
print(Default().format("{0} {1} {name} {other}", "a", name="n"))
for tmpl, a, k in [("{0}{}", (1,), {}), ("{}{0}", (1,), {}), ("{x}", (), {}), ("{0}", (), {}), ("{!z}", (1,), {}),
                   ("{", (), {}), ("}", (), {}), ("{0:{1:{2}}}", (1, 2, 3), {})]:
    try:
        print(repr(f.format(tmpl, *a, **k)))
    except (ValueError, KeyError, IndexError) as e:
        print(type(e).__name__, e)
print(string.capwords("hello   wide  world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
