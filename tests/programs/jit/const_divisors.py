# `//` and `%` by a literal divisor: compiled code multiplies by the divisor's reciprocal.
# Every shape (operand on the stack or in a local; result pushed or stored), every sign,
# the ends of the inline int range, and a left operand that turns float or big mid-loop.

def shapes(xs):
    out = []
    for x in xs:
        q = x // 7          # local // const, stored
        r = x % 7           # local % const, stored
        out.append((q, r, x // 1000000007, x % 1000000007, (x + 1) // 2, (x - 1) % 2))
        s = (x * 3) // 10   # stack // const, stored
        t = (x * 3) % 10    # stack % const, stored
        out.append((s, t, (x * 3) // 2147483648 + (x - 5) % 2147483647))
    return out


def divisors(xs):
    rows = []
    for x in xs:
        rows.append([x // 2, x % 2, x // 3, x % 3, x // 16, x % 16, x // 1000, x % 1000,
                     x // 4611686018427387904, x % 4611686018427387904,
                     x // 9223372036854775807, x % 9223372036854775807,
                     x // 12345678901, x % 12345678901])
    return rows


xs = [0, 1, -1, 2, -2, 6, -6, 7, -7, 8, -8, 13, -13, 999, -999, 1000, -1000, 1001, -1001,
      2**31 - 1, -2**31, 2**31, 2**62, -2**62, 2**63 - 1, -2**63, -2**63 + 1, 2**63 - 2,
      123456789123456789, -123456789123456789]
warm = list(range(-40, 40))
shapes(warm)
for row in shapes([x for x in xs if abs(x) < 2**61]):
    print(row)
divisors(warm)
for x, row in zip(xs, divisors(xs)):
    print(x, row)


def mixed(values):
    acc = []
    for v in values:
        acc.append((v // 3, v % 3, v // 1000, v % 1000))
    return acc

# An int loop that meets a float, a big int and a bool: the guard exits to tier 1.
mixed(warm)
print(mixed([5, -5, 7.5, -7.5, 2**70, -2**70, True, 10, -11, 0.0]))


def divide_by_one_and_negatives(xs):
    rows = []
    for x in xs:
        rows.append((x // 1, x % 1, x // -1, x % -1, x // -7, x % -7, x // -2**63, x % -2**63))
    return rows

divide_by_one_and_negatives(warm)
print(divide_by_one_and_negatives([0, 5, -5, 2**63 - 1, -2**63]))


def by_zero(x):
    try:
        return x // 0
    except ZeroDivisionError as e:
        return type(e).__name__, str(e)

print(by_zero(3), by_zero(-3))


def lcg(n):
    x = 12345
    total = 0
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        total += x // 65536 % 32768
    return total, x

print(lcg(5000))
