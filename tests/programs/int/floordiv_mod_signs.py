# int: // and % result signs for every sign combination, and the invariant a == (a//b)*b + a%b
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (6, -3), (-6, -3),
         (0, 5), (0, -5), (1, 7), (-1, 7), (1, -7), (-1, -7), (13, 13), (-13, 13)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, "->", q, r, divmod(a, b), q * b + r == a)
# large operands with small divisors
for a in [10**20 + 7, -(10**20 + 7)]:
    for b in [3, -3, 10**9 + 7, -(10**9 + 7)]:
        q, r = a // b, a % b
        print(q, r, q * b + r == a, (r == 0) or ((r > 0) == (b > 0)))
# small dividend, big divisor
for a in [5, -5]:
    for b in [10**30, -(10**30)]:
        print(a, "//", b, "=", a // b, " %", a % b)
# i64 edge
m = -9223372036854775808
print(m // -1, m % -1, divmod(m, -1))
print(m // 1, m % 1)
print(m // 2, m % 2, m // 3, m % 3, m // -3, m % -3)
print(9223372036854775807 // -1, 9223372036854775807 % 10)
# augmented forms
x = 100
x //= 7
print(x)
x %= 5
print(x)
x = -100
x //= 7
print(x)
x %= -3
print(x)
