# format: thousands separators ',' and '_' for decimal, and '_' grouping by 4 for b/o/x, with width and zero padding
for v in [0, 7, 999, 1000, -1000, 123456, -1234567, 10**9, 2**64, -(10**20)]:
    print(f"{v:,}|{v:_}|{v:,d}|{v:15,}|{v:<15,}|{v:015,}|{v:+,}|{v:_b}|{v:_o}|{v:_x}|{v:#_X}|")
print(f"{1234567:012,}", f"{1234567:013,}", f"{1234567:014,}", f"{-1234567:014,}", f"{1234567:0=14,}")
print(f"{255:#012_b}", f"{255:012_b}", f"{2**32:_x}", f"{2**32:#_x}", f"{0xdeadbeef:_X}")
print(f"{1234.5:,}", f"{1234567.891:,.2f}", f"{1234567.891:_.3f}", f"{-1e6:,.0f}", f"{1e20:,}", f"{123456.0:,g}")
print(f"{12345.678:015,.2f}", f"{0.001234:,.6f}", f"{1234567.0:,e}")
for spec in [",_", "_,", ",,", "n,"]:
    try:
        print(format(1234, spec))
    except ValueError as e:
        print(repr(spec), "ValueError:", e)
for v, spec in [(1234, ",c"), (1234, "_c"), (1234, ",o"), (1234.5, "_n"), (1234.5, ",%")]:
    try:
        print(v, spec, format(v, spec))
    except ValueError as e:
        print(v, spec, "ValueError:", e)
