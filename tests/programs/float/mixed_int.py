# float: int/float promotion in arithmetic, comparisons and results of mixed-type operations
for a, b in [(1, 0.5), (2**60, 1.0), (10**20, 1e20), (-3, 0.25), (True, 0.5), (7, 2.0)]:
    print(type(a + b).__name__, a + b, a - b, a * b, a / b, b / a, a // b, a % b)
print(10**20 == 1e20, 10**20 + 1 == 1e20, 10**22 == 1e22, 10**23 == 1e23)
print(1e20 == 100000000000000000000, int(1e23), 1e23 == 10**23, 1e23 < 10**23)
print(2**1000 > 1e300, 2**1000 < float("inf"), float(2**1000) > 1e300)
print(3 / 2, 3 // 2, 3.0 // 2, -3 / 2, -3 // 2, -3.0 // 2)
print(0.1 * 10 == 1, 1 / 10 * 10, 4 ** 0.5 == 2, 8 ** (1 / 3))
print(sum([1, 2.5, 3]), sum([1, 2, 3], 0.0), type(sum([1, 2, 3], 0.0)))
print(max(1, 2.0, 2), max(2, 2.0), min(3.0, 3), abs(-3) + abs(-0.5))
print(round(7 / 2), round(7 / 2, 1), 7 / 2 == 3.5)
print(int(7 / 2), float(7 // 2), 7 % 2.5, divmod(7, 2.5))
x = 3
x += 0.5
print(x, type(x).__name__)
x = 10
x /= 5
print(x, type(x).__name__)
x = 10
x //= 5
print(x, type(x).__name__)
print(1.0.__eq__(1), (1).__eq__(1.0))
