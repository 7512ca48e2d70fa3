# math: constants pi, e, tau, inf, nan and their relationships
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(math.tau == 2 * math.pi, math.inf == float("inf"), math.isnan(math.nan), math.nan != math.nan, type(math.pi).__name__)
print(repr(math.pi), f"{math.pi:.20f}", math.pi.hex(), math.e.hex(), math.pi.as_integer_ratio())
print(round(math.pi, 5), round(math.e, 10), int(math.pi * 1e6), math.inf > 10**400, -math.inf < -(10**400))
print(math.pi * 2 == math.tau, math.e ** 1 == math.e, math.log(math.e), math.cos(math.pi), math.sin(math.tau / 4))
