"""`//` and `%` by literal divisors (compiled code multiplies by the reciprocal), including
powers of two and negative dividends, next to a division by a variable (a real divide)."""
def main():
    x = 12345
    acc = 0
    for i in range(2_000_000):
        x = (x * 48271) % 2147483647
        acc += x % 1000 + (x - 1073741823) // 7 + x // 65536 % 16 - x % (i % 13 + 3)
    print(acc, x)
main()
