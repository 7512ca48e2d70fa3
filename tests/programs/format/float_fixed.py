# format: float 'f'/'F' with precision 0..20, rounding (half-even on the binary value), width, sign, '#'
vals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1 / 3, 2.675, 1.005, 123.456, 1e-7, 1e16, 1.23456789e20, 9.995, 99.995]
for v in vals:
    print(repr(v), f"{v:f}", f"{v:.0f}", f"{v:.1f}", f"{v:.2f}", f"{v:.3f}", f"{v:#.0f}", f"{v:10.4f}|", f"{v:+.2F}", f"{v:<012.3f}|")
print(f"{0.1:.20f}", f"{1 / 3:.17f}", f"{2**0.5:.30f}", f"{1e300:.2f}"[:20], len(f"{1e300:.2f}"))
inf, nan = float("inf"), float("nan")
print(f"{inf:f}", f"{inf:F}", f"{-inf:.2f}", f"{nan:f}", f"{nan:F}", f"{inf:+f}", f"{nan:010f}", f"{inf:010.2f}", f"{-inf:=10f}")
print(f"{5:f}", f"{5:.2f}", f"{-5:.1F}", f"{True:.1f}", f"{2**60:.1f}")
print(f"{12.5:.0f}", f"{13.5:.0f}", f"{-0.5:.0f}", f"{0.05:.1f}", f"{0.15:.1f}", f"{0.25:.1f}", f"{0.35:.1f}")
print(f"{1234.5:10.2f}|{1234.5:<10.2f}|{1234.5:^10.2f}|{1234.5:*>10.2f}|{-1234.5:010.2f}|{1234.5:=+10.1f}|")
print(f"{-0.0001:.2f}", f"{-0.0001:z.2f}", f"{0.0001:z.2f}", f"{-0.006:z.2f}")
