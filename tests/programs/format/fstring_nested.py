# format: f-strings with nested replacement fields in specs, computed widths/precisions, nested f-strings and loops
data = [("alpha", 1.23456, 7), ("beta", 22.5, 1234), ("gamma-delta", 333.0, -5)]
w1 = max([len(r[0]) for r in data])
for name, val, n in data:
    for prec in (0, 2):
        print(f"{name:<{w1}}|{val:>{w1}.{prec}f}|{n:{'+' if n > 0 else ''}{6},}|{n:{'0' if prec else ' '}>{prec + 4}}|")
fill, align, width = "*", "^", 11
print(f"{'mid':{fill}{align}{width}}", f"{3.14159:{fill}{'<'}{width}.{width // 4}}", f"{42:{'#'}{'x'}}")
specs = ["d", "5d", "<5d", "+d", "x", "#o", "_b", "08.3f", ".2e", ".1%"]
for s in specs:
    v = 1234 if not s.endswith(("f", "e", "%")) else 12.3456
    print(f"{s!r:>8} -> {v:{s}}|")
print(f"{f'{1 + 1}' * 3}", f"{'{}'.format(5)}", f"{f'{10:>{3}}'}|", f"{[f'{i:02}' for i in range(3)]}")
table = "\n".join([f"{i:>2} {i * i:>4} {i ** 3:>6}" for i in range(1, 6)])
print(table)
nested = {"outer": {"inner": [10, 20]}}
print(f"{nested['outer']['inner'][1]:>5}", f"{len(nested):03}", f"{sum(nested['outer']['inner']):.1f}")
