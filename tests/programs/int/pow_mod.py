# int: three-argument pow, including negative exponents (modular inverse) and the errors
print(pow(2, 10, 1000), pow(3, 200, 7), pow(5, 0, 13), pow(5, 0, 1), pow(0, 0, 7))
print(pow(2, 100, 10**9 + 7), pow(10**20, 10**20, 998244353))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7), pow(-2, 5, 9))
print(pow(7, 12345678901234567890, 1000000007))
print(pow(2**100 + 1, 2**70 + 3, 2**89 - 1))
for a, m in [(3, 7), (2, 11), (10, 17), (-3, 7), (3, -7), (123456789, 10**9 + 7), (5, 1)]:
    inv = pow(a, -1, m)
    print(a, m, inv, (a * inv) % m == 1 % m)
print(pow(3, -2, 7), pow(3, -2, 7) * 9 % 7)
print(pow(2, -5, 1000001))
for args in [(2, -1, 4), (0, -1, 5), (6, -1, 9), (2, 3, 0), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0), (2, -1, 0)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
print(pow(2, 3, None), pow(base=2, exp=5), pow(base=3, exp=4, mod=5))
