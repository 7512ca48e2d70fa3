# format: a realistic report mixing widths, alignment, grouping, percentages and totals built with f-strings
sales = [("North", 1234567.891, 0.1234), ("South", 987.5, -0.05), ("East", 0.0, 0.0), ("West-Central", 45678.9, 1.5)]
header = f"{'Region':<12} | {'Revenue':>15} | {'Growth':>8} | {'Bar':<10}"
print(header)
print("-" * len(header))
total = 0.0
for region, rev, growth in sales:
    total += rev
    bar = "#" * int(max(0, min(10, growth * 10)))
    print(f"{region:<12.12} | {rev:>15,.2f} | {growth:>+8.1%} | {bar:<10}")
print("-" * len(header))
print(f"{'Total':<12} | {total:>15,.2f} | {'':>8} |")
print(f"{'Mean':<12} | {total / len(sales):>15_.3f} | {sum([g for *_, g in sales]) / len(sales):>8.2%} |")
for i, (region, rev, _) in enumerate(sales, 1):
    print(f"{i:02d}. {region!r:>16} {rev:12.3e} {int(rev):#x} {int(rev):,}")
