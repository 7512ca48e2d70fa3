# complex: literals, construction, arithmetic, abs, conjugate, equality with int/float, repr forms
z = 3 + 4j
w = 1 - 2j
print(z, w, z + w, z - w, z * w, z / w, -z, +z, abs(z), z.conjugate(), z.real, z.imag)
print(z ** 2, z ** 0, z ** -1, w ** 3, (1j) ** 2, 1j * 1j)
print(1j, -1j, 0j, -0j, 2j * 0, complex(), complex(1), complex(1, 2), complex(1.5, -0.5), complex("3+4j"))
print(complex("  -1.5e3-2j "), complex("j"), complex("-j"), complex("1e400j"), complex("(2+3j)"), complex(" (1) "))
print(repr(1 + 0j), repr(0 + 1j), repr(-0.0 + 1j), repr(complex(-0.0, -0.0)), repr(complex(0.0, -0.0)))
print(complex(float("inf"), float("nan")), complex(1e20, 1e-20), complex(1.5, 2), complex(2, 1.5))
print(z == 3 + 4j, (5 + 0j) == 5, (5 + 0j) == 5.0, 1j == 1, z != w, (1 + 0j) == True)
print(type(z).__name__, type(1j * 1j).__name__, isinstance(z, complex))
print(z * 2, 2 * z, z / 2, z + 1.5, 1.5 - z, z * True)
print(abs(3j), abs(-4 + 0j), abs(complex(1e300, 1e300)), abs(complex(float("inf"), float("nan"))))
print(hash(1 + 0j) == hash(1), hash(2j) != hash(2))
for bad in [lambda: z // w, lambda: z % w, lambda: divmod(z, w), lambda: z < w, lambda: int(z), lambda: float(z),
            lambda: z / 0, lambda: complex("1+"), lambda: complex("abc"), lambda: complex("1", 2),
            lambda: 0j ** -1, lambda: round(z), lambda: complex(1j, "x")]:
    try:
        print(bad())
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(complex(1j, 1j), complex(1 + 1j, 2), complex(2, 1j))
print(format(z, ""), format(1.5 - 2.25j, ".2f"), f"{z:>12}", f"{z!r}", str(z), "%s" % (z,))
print(sum([1j, 2, 3.5]), (1 + 2j) * (1 - 2j), (2 + 3j) / (2 + 3j))
print(pow(2j, 2), pow(1 + 1j, 3), (1 + 1j) ** 0.5)
