# format: float 'e'/'E' notation: precision, exponent digits (2 minimum, 3 when needed), '#', sign and padding
vals = [0.0, -0.0, 1.0, 12345.6789, -0.00012345, 1e100, 1.5e-300, 5e-324, 1.7976931348623157e308, 9.9999, 0.5, 2.5e10]
for v in vals:
    print(repr(v), f"{v:e}", f"{v:E}", f"{v:.0e}", f"{v:#.0e}", f"{v:.2e}", f"{v:.10e}", f"{v:+e}", f"{v:15.3e}|", f"{v:<015.2e}|", f"{v:015.2e}|")
print(f"{12345:e}", f"{-1:.3E}", f"{10**30:e}", f"{2**100:.5e}")
print(f"{9.5:.0e}", f"{8.5:.0e}", f"{1.25:.1e}", f"{1.35:.1e}", f"{99999:.2e}", f"{0.00099999:.3e}")
inf, nan = float("inf"), float("nan")
print(f"{inf:e}", f"{-inf:E}", f"{nan:e}", f"{nan:E}", f"{inf:.3e}", f"{inf:+e}")
