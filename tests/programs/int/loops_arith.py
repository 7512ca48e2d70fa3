# int: integer algorithms in loops (gcd, sieve, collatz, digit sums, modular exponentiation)
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

print([gcd(a, b) for a, b in [(12, 18), (17, 5), (0, 9), (9, 0), (2**40, 6**20), (-12, 18)]])
N = 200
sieve = [True] * (N + 1)
sieve[0] = sieve[1] = False
i = 2
while i * i <= N:
    if sieve[i]:
        for j in range(i * i, N + 1, i):
            sieve[j] = False
    i += 1
primes = [k for k in range(N + 1) if sieve[k]]
print(len(primes), primes[:15], primes[-5:])

def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

print([collatz(n) for n in range(1, 30)])
print(max(range(1, 3000), key=collatz))

def digits(n):
    out = []
    while n:
        n, d = divmod(n, 10)
        out.append(d)
    return out[::-1] or [0]

print(digits(0), digits(9), digits(1234567890), sum(digits(2**100)))

def modpow(b, e, m):
    r = 1
    b %= m
    while e:
        if e & 1:
            r = r * b % m
        b = b * b % m
        e >>= 1
    return r

print(modpow(3, 10**18, 10**9 + 7) == pow(3, 10**18, 10**9 + 7), modpow(2, 521, 2**61 - 1))
acc = 0
for k in range(1, 10001):
    acc += k * k * k - 3 * k
    acc ^= k
print(acc)
x = 1
for k in range(100):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2**64
print(x)
h = 0
for ch in "the quick brown fox":
    h = (h * 31 + ord(ch)) & 0xFFFFFFFF
print(h)
