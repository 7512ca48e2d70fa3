# format: sign options (+ - space), '=' alignment, zero padding vs fill, 'z' on negative zero, for ints and floats
for v in [0, 5, -5, 0.0, -0.0, 2.5, -2.5, float("inf"), float("-inf"), float("nan")]:
    print(repr(v), f"[{v:+}][{v:-}][{v: }][{v:=+8}][{v:=8}][{v:08}][{v:+08}][{v: 08}][{v:<+8}][{v:^+9}][{v:x=8}][{v:x<8}]")
for v in [-0.0, -0.001, 0.001, -1e-10, -0.5, 0.0]:
    print(repr(v), f"[{v:z.2f}][{v:z.0f}][{v:+z.1f}][{v:z.1e}][{v:z.3g}][{v:z}][{v:z.1%}][{v:.1f}]")
print(f"{-5:=010}", f"{5:=010}", f"{-5:0=10}", f"{-5:#=10}", f"{-5:<010}", f"{-5:>010}", f"{-5:^010}")
print(f"{-255:=#10x}", f"{255:+#010x}", f"{-255:#010b}", f"{-1.5:=+10.2f}", f"{1.5: =10.2f}")
print(format(-7, "08"), format(-7.5, "08"), format(-7, "0<8"), format(7, " >8"), format(-7, "+"))
for spec in ["<", ">", "^", "=", "*<", "*>", "*^", "*=", "0<", "0>", "0^", "0="]:
    for w in (0, 6, 9):
        s = spec + str(w) if w else spec + ""
        try:
            print(repr(s), repr(format(-42, s)), repr(format(3.5, s)), repr(format(42, "+" + s if spec in "<>^=" else s)))
        except ValueError as e:
            print(repr(s), "ValueError:", e)
print(format(-1.5, "0=+10.2f"), format(1.5, " =10.2f"), format(-3, "0^7"), format(3, "-^7"), format(-3, "+<7"))
