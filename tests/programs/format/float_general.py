# format: float 'g'/'G', the empty type (repr-like), and 'n': switching between fixed and exponent, '#' keeps zeros
vals = [0.0, -0.0, 1.0, 100.0, 123456.0, 1234567.0, 0.0001, 0.00001, 1e16, 1e15, 12345.6789, 1 / 3, 2.5, 1e-300, 3e300, 0.1 + 0.2]
for v in vals:
    print(repr(v), f"{v:g}", f"{v:G}", f"{v:.3g}", f"{v:#g}", f"{v:#.3g}", f"{v:.0g}", f"{v:.10g}", f"{v:}", f"{v:.3}", f"{v:10}|", f"{v:n}", f"{v:.17g}")
print(f"{1e16:}", f"{1e15:}", f"{1.5:.1}", f"{15.0:.1}", f"{150.0:.2}", f"{0.00001:.2}", f"{123.456:.5}", f"{1e22:.0}")
print(format(1.0), format(1.0, ""), format(1.0, "<5"), format(1e20, ""), format(1e20, ".1"), format(12.0, ".3"))
print(f"{100000.0:g}", f"{1000000.0:g}", f"{999999.5:g}", f"{0.0001:g}", f"{0.000099999:g}", f"{0.00009999951:g}")
inf, nan = float("inf"), float("nan")
print(f"{inf:g}", f"{-inf:G}", f"{nan:g}", f"{nan:G}", f"{inf:}", f"{nan:.2}", f"{inf:#g}")
print(f"{5:g}", f"{123456789:g}", f"{-5:.3G}", f"{2**70:g}", f"{True:g}")
