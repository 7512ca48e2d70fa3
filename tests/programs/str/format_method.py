# str: str.format with auto/manual numbering, keywords, indexing/attributes in fields, {{ }}, errors
print("{} {} {}".format(1, "two", 3.0), "{0} {1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {0[0]}".format(["p", "q"]), "{d[key]} {d[k2]}".format(d={"key": 1, "k2": 2}), "{0.real} {0.imag}".format(3 + 4j))
print("{{}} {{{0}}} {{x}}".format(5), "{:>5}|{:<5}|{:^5}".format("a", "b", "c"), "{0:{1}}|".format("x", 4))
print("{:{}{}}".format(3.14159, ".", "3"), "{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>8}".format("x"))
print("{:d} {:5d} {:05d} {:x} {:.2f} {:e} {:%}".format(42, 42, -42, 255, 3.14159, 12345.678, 0.25))
print("{a}{b}{a}".format(a="<", b="-"), "{}".format([1, 2]), "{}".format(None), "{:}".format(7))
print("{0}{1}{2}{3}{4}{5}{6}{7}{8}{9}{10}".format(*range(11)))
print("{[0]}".format("xyz"), "{0[x]}".format({"x": "str key"}), "{.__name__}".format(int))
for fmt, args, kw in [("{} {}", (1,), {}), ("{0} {}", (1, 2), {}), ("{} {0}", (1, 2), {}), ("{x}", (), {}),
                      ("{", (), {}), ("}", (), {}), ("{0[}", (1,), {}), ("{:d}", ("s",), {}), ("{!x}", (1,), {}),
                      ("{0.nope}", (1,), {}), ("{5}", (1,), {}), ("{:,d}", (1.5,), {}), ("{:s}", (1,), {}),
                      ("{0:x}", (1.5,), {}), ("{:=s}", ("s",), {}), ("{0[0]}", ([],), {})]:
    try:
        print(repr(fmt.format(*args, **kw)))
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print("{:*^20}".format(" centered "), "{:-<10}{:->10}".format("L", "R"))
print("a{}b".format(""), "{}".format("{}"), "{}{}".format("{", "}"))
print(str.format("{} and {}", "x", "y"), "{0}".format(*["only"]), "{k}".format(**{"k": "v"}))
print("{0:>{1}}|{2:<{1}}|".format("r", 6, "l"), "{:{w}.{p}f}".format(2.718281828, w=10, p=3))
print("{:c}{:c}{:c}".format(72, 105, 0x1F40D))
