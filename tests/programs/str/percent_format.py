# str: printf-style % formatting: conversions, flags, width/precision, * widths, dict mapping, errors
print("%s %s" % ("a", 1), "%d" % 42, "%i" % -7, "%5d|%-5d|%05d|%+d|% d" % (42, 42, 42, 42, 42))
print("%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8), "%x" % -255, "%#o" % 0)
print("%f %.2f %10.3f %-10.1f| %e %.3E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e-5, 1e20))
print("%g %g %g %g %.3g %#g" % (100000, 1000000, 0.0001, 0.00001, 3.14159, 1.0))
print("%r %a %s" % ("é\n", "é\n", "é\n"), "%c%c" % (65, "z"), "%%" % (), "100%% done" % ())
print("%s" % [1, 2], "%s" % ((1, 2),), "%s" % {"a": 1}, "%s %s" % (None, True), "%d" % True, "%d" % 3.99)
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)s%(x)s" % {"x": "!"})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159), "%.3s" % "abcdef", "%5.1s|" % "xyz", "%-6s|" % "ab")
print("%d %s" % (2**70, 2**70), "%x" % 2**70, "%.0f" % 0.5, "%.0f" % 1.5, "%.0f" % 2.5, "%.1f" % 0.05, "%.2f" % 2.675)
print("%f" % float("inf"), "%f" % float("nan"), "%e" % -float("inf"), "%5.1f|" % -0.0, "%+.1f" % 0.0)
print("%s" % "single", "%s" % ("tuple-one",), "%5s|%-5s|" % ("日本", "日本"))
for fmt, args in [("%d", ("x",)), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", (1,)), ("%(a)s", (1,)), ("%(a)s", {"b": 1}),
                  ("%c", (1.5,)), ("%c", ("ab",)), ("%x", (1.5,)), ("%", ()), ("%s %(a)s", {"a": 1}), ("%c", (-1,))]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
print("%s" % ((),), "no args" % ())
s = "%s=%d"
print(s % ("k", 1), s % ("k", -1), "%-10s|%10s|" % ("left", "right"))
