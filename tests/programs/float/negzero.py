# float: signed zero: repr, equality, arithmetic that keeps or loses the sign, and where it shows
import math
nz = -0.0
print(nz, repr(nz), str(nz), nz == 0.0, nz == 0, nz < 0, nz > 0)
print(math.copysign(1, nz), math.copysign(1, 0.0), math.copysign(1, -nz), math.copysign(1, 0.0 * -1))
print(nz + 0.0, nz - 0.0, nz + nz, 0.0 - 0.0, nz * 5, nz / 5, 5 / -1e300 / 1e300, -5 * 0.0)
print(round(-0.4), round(-0.4, 1), round(-0.0), math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5))
print(int(nz), abs(nz), -nz, +nz, float("-0"), float("-0.0"))
print(f"{nz}", f"{nz:.2f}", f"{nz:+}", f"{nz:e}", f"{nz:g}", f"{nz:z.1f}", f"{-0.001:.1f}", f"{-0.001:z.1f}")
print(format(nz, ""), format(nz, "%"), "%f" % nz, "%r" % nz, "%.0f" % -0.4)
print(nz.hex(), nz.as_integer_ratio(), nz.is_integer(), hash(nz) == hash(0.0))
print(math.atan2(0.0, -1.0), math.atan2(nz, -1.0), math.atan2(nz, 1.0), math.sqrt(nz))
print(divmod(nz, 1.0), divmod(0.0, -1.0), nz % 1.0, 0.0 % -1.0, nz // 1.0)
print(1 / float("-inf"), -1 / float("inf"), min(0.0, nz), min(nz, 0.0), max(0.0, nz), max(nz, 0.0))
print(sum([nz, nz]), sum([nz]), sum([nz], nz), sum([], nz))
print({0.0: "a", nz: "b"}, [nz, 0.0].index(0.0), nz in [0.0], sorted([0.0, nz, -0.0]))
print(complex(nz, nz), complex(0.0, nz), -0j, 0j * -1)
print(math.fmod(-1.0, 1.0), math.fmod(1.0, -1.0), math.modf(nz), math.frexp(nz), math.ldexp(nz, 5))
