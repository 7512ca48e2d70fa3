# int: round() on ints with negative ndigits (round-half-even) and result types
for v in [0, 5, 15, 25, 35, 45, 14, 16, -5, -15, -25, 150, 250, 149, 151, 1234567, -1234567]:
    print(v, round(v), round(v, 0), round(v, -1), round(v, -2), round(v, -3), round(v, 1))
print(type(round(7)), type(round(7, -1)), type(round(7, 2)))
print(round(2**70 + 5, -1), round(10**30 + 5 * 10**9, -10), round(-(10**30) - 5 * 10**9, -10))
print(round(123, -10), round(-123, -10), round(5 * 10**20, -21), round(15 * 10**20, -21))
print(round(True), round(False, -1), type(round(True)))
print(round(7, None), round(-2**63, -1))
try:
    round(5, 1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    round("5")
except TypeError as e:
    print("TypeError:", e)
