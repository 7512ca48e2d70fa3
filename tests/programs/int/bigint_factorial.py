# int: huge factorials and products, their decimal strings and digit statistics
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

for n in [0, 1, 5, 20, 21, 25, 30, 50]:
    print(n, fact(n))
f100 = fact(100)
print(f100)
print(len(str(f100)))
s = str(f100)
print("trailing zeros", len(s) - len(s.rstrip("0")))
print("digit sum", sum([int(c) for c in s]))
f500 = fact(500)
print(len(str(f500)), str(f500)[:30])
print(f500 % (10**9 + 7))
print(f500 // fact(498) == 500 * 499)
print(fact(30) // fact(28), fact(1000) % 1000003)
# negative huge values
neg = -fact(60)
print(neg)
print(neg // 7, neg % 7)
# double factorial via loop
r = 1
for i in range(99, 0, -2):
    r *= i
print(r)
# binomial via exact division
def binom(n, k):
    return fact(n) // (fact(k) * fact(n - k))
print([binom(10, k) for k in range(11)])
print(binom(100, 50))
print(binom(200, 100) % 1000000007)
# fibonacci big
a, b = 0, 1
for _ in range(300):
    a, b = b, a + b
print(a)
print(a.bit_length(), len(str(a)))
