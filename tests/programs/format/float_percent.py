# format: '%' presentation type (multiply by 100, fixed notation), with precision, sign, width and grouping
for v in [0.0, 0.5, 0.125, 1.0, -0.25, 1 / 3, 2 / 3, 12.3456, 1e-5, 0.00005, 1e10, -0.0]:
    print(repr(v), f"{v:%}", f"{v:.0%}", f"{v:.1%}", f"{v:.2%}", f"{v:+.1%}", f"{v:10.1%}|", f"{v:<10.0%}|", f"{v:,.1%}", f"{v:#.0%}")
print(f"{1:%}", f"{3:.0%}", f"{-2:.1%}", f"{True:%}")
print(f"{float('inf'):%}", f"{float('nan'):.1%}", f"{-float('inf'):.0%}")
done, total = 37, 120
print(f"progress: {done / total:.1%} ({done}/{total})", "{:.2%}".format(0.98765), format(0.5, "%"))
for spec in [".0%", ".1%", ".3%", "+.2%", " .1%", "08.2%", "<9.1%", "^9.1%", "_.1%", "#.0%", "z.1%"]:
    print(spec, [format(v, spec) for v in (0.0, -0.0, 0.004999, 0.005, 0.995, 1.0, -1.2345, 123.456)])
print("%.1f%%" % 12.34, "{:.1%}".format(0.1234), f"{1/3:.2%}", f"{2/3:.0%}", format(0.125, ".1%"), format(0.375, ".1%"))
