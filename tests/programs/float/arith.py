# float: + - * / // % with signs, -0.0 results, mixing with ints and bools
vals = [7.5, -7.5, 2.0, -2.0, 0.5, 3]
for a in vals:
    for b in [2.0, -2.0, 0.3, -0.3, 3]:
        print(a, b, a + b, a - b, a * b, a / b, a // b, a % b)
print(-7.0 // 2, 7.0 // -2, -7.0 % 2, 7.0 % -2, -0.0 % 5, 0.0 % -5)
print(5.0 % float("inf"), -5.0 % float("inf"), 5.0 // float("inf"), -5.0 // float("inf"))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300, -1e-300 * 1e-300)
print(0.0 * -1, -0.0 * -1, 0.0 - 0.0, -0.0 - 0.0, -0.0 + 0.0, -0.0 + -0.0)
print(1 / 3 + 1 / 3 + 1 / 3, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-15)
print(3 * 0.1, 0.1 * 3, 10 * 0.1, 1e16 + 1, 1e16 + 2)
print(2**53 + 1.0, 2**63 + 0.0, 10**20 / 3, 7 // 2.0, 7 % 2.5, -7 % 2.5)
print(True + 1.5, 3.5 * False, 2 ** 0.5 * 2 ** 0.5)
print(-(-0.0), +(-0.0), abs(-0.0), abs(-2.5), -abs(3.25))
x = 1.0
for _ in range(60):
    x *= 2
print(x, x / 2**60)
y = 10.0
y /= 4
print(y)
y //= 0.75
print(y)
y %= 1.5
print(y)
y **= 3
print(y)
y -= 0.125
print(y)
