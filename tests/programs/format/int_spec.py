# format: format-spec mini-language for ints: types b o x X c d n, '#', sign, fill/align incl. '=', zero pad, width
vals = [0, 1, -1, 42, -42, 255, 65535, 2**40, -(2**70)]
for v in vals:
    print(f"{v:d}|{v:5d}|{v:<6d}|{v:^7d}|{v:>6}|{v:+d}|{v: d}|{v:-d}|{v:06d}|{v:=+8d}|{v:*^9}|")
    print(f"{v:b}|{v:#b}|{v:o}|{v:#o}|{v:x}|{v:#x}|{v:X}|{v:#X}|{v:#012x}|{v:_x}|{v:#_b}|{v:n}|")
for c in [65, 97, 0x1F40D, 0x20AC, 10]:
    print(repr(f"{c:c}"), repr(f"{c:>3c}"), repr(f"{c:*<4c}"))
print(f"{True:d}", f"{True:x}", f"{False:05}", f"{True:>4}")
print(format(123, ""), format(-123, "010"), format(123, "010"), format(-123, "<010"), format(123, "0=+10"))
print(format(7, "08b"), format(7, "#010b"), format(-7, "#010b"), format(255, "#06x"), format(255, "x>8"))
print(format(1234, "e"), format(1234, ".2f"), format(1234, "%"), format(1234, "g"), format(12345678, ".3g"), format(1234, ".1E"))
print(format(5, "+"), format(-5, "+"), format(5, " "), format(5, "-"), format(0, "+"), format(-0, "+"))
print(format(2**64, ","), format(-(2**64), "_"), format(12345, "020,"), format(12345, "020_"), format(12345, ",d"))
for spec in ["c", "s", ".2d", "#c", "+c", ",b", ",x", "z", "=", "d "]:
    try:
        print(spec, repr(format(65, spec)))
    except ValueError as e:
        print(spec, "ValueError:", e)
try:
    format(-1, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__ + ":", e)
