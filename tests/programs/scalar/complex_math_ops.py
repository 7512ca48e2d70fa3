# complex: powers, division precision, special values, conjugate chains and mixing with floats/ints
vals = [1 + 1j, -2 + 0.5j, 3j, 0.5, -1, 1e-3 - 1e3j]
for a in vals:
    row = []
    for b in vals:
        row.append(a * b)
        row.append(a / b)
    print(a, row)
print([(1 + 1j) ** k for k in range(-3, 6)])
print([1j ** k for k in range(8)])
print((1e200 + 1e200j) * (1e200 + 1e200j), (1e-200 + 1e-200j) / (1e200 + 0j))
print((-1) ** 0.5, (-4) ** 0.5, (-1.0) ** 1.5, 2 ** (1 + 1j))
inf = float("inf")
print(complex(inf, 0) * 1j, complex(1, inf).conjugate(), complex(inf, inf) == complex(inf, inf))
z = 1 + 2j
acc = 0j
for _ in range(10):
    acc = acc * z + 1
print(acc, acc.real, acc.imag, abs(acc))
print(complex(1, 2) == complex("1+2j"), complex(0.1, 0.2) + complex(0.2, 0.1))
print(z.__add__(1), z.__radd__(1), z.__mul__(z), z.__eq__(z), z.__ne__(1), z.__abs__())
try:
    complex("1+2j", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    (1 + 2j) ** (10**6)
except OverflowError as e:
    print("OverflowError:", e)
print(repr(complex(1e16, 1e-5)), repr(complex(123456789012345680.0, -1.5)), repr(1e300j * 10))
