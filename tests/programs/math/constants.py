# math: constants pi, e, tau, inf, nan and their relationships
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(math.tau == 2 * math.pi, math.inf == float("inf"), math.isnan(math.nan), math.nan != math.nan, type(math.pi).__name__)
print(repr(math.pi), f"{math.pi:.20f}", math.pi.hex(), math.e.hex(), math.pi.as_integer_ratio())
print(round(math.pi, 5), round(math.e, 10), int(math.pi * 1e6), math.inf > 10**400, -math.inf < -(10**400))
print(math.pi * 2 == math.tau, math.e ** 1 == math.e, math.log(math.e), math.cos(math.pi), math.sin(math.tau / 4))
print(math.floor(math.pi), math.ceil(math.e), math.trunc(-math.tau), int(math.e * 1000), float.is_integer(math.pi))
print(math.pi.is_integer(), (math.pi * 4).is_integer(), math.isfinite(math.pi), math.isinf(math.inf), math.isinf(-math.inf))
print(math.inf - math.inf != math.inf - math.inf, math.inf * 0 != 0, math.copysign(1.0, -math.inf))
print(f"{math.pi:.3f} {math.e:.3e} {math.tau:g} {math.inf:f} {math.nan:F}", str(math.inf), repr(-math.nan))
print(math.sqrt(math.pi) ** 2, math.exp(math.log(math.pi)), math.degrees(math.pi), math.radians(180) == math.pi)
print(sorted([math.e, math.pi, math.tau, 3, -math.inf, math.inf, 0]), max(math.pi, math.e), min(math.tau, 6))
