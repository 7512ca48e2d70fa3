# math: factorial, gcd/lcm with 0..n args, comb/perm, isqrt on big ints; their ValueError/TypeError messages
import math
print([math.factorial(n) for n in range(12)], math.factorial(30), len(str(math.factorial(1000))))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(0, -5), math.gcd(12, 18, 27), math.gcd(2**100, 6**50, 10**30))
print(math.lcm(), math.lcm(4), math.lcm(4, 6), math.lcm(-4, 6), math.lcm(0, 5), math.lcm(2, 3, 4, 5, 6), math.lcm(2**64, 3**40) == 2**64 * 3**40)
print([math.comb(10, k) for k in range(12)], math.comb(100, 50), math.comb(5, 0), math.comb(0, 0))
print([math.perm(5, k) for k in range(7)], math.perm(6), math.perm(20, 10), math.perm(0))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 10**20, 10**20 - 1, 2**200 + 1, True]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) * (r + 1))
cases = [("factorial(-1)", lambda: math.factorial(-1)), ("factorial(2.0)", lambda: math.factorial(2.0)), ("factorial(1.5)", lambda: math.factorial(1.5)),
         ("gcd(1.5, 2)", lambda: math.gcd(1.5, 2)), ("lcm('a')", lambda: math.lcm("a")), ("comb(5, -1)", lambda: math.comb(5, -1)),
         ("comb(-5, 1)", lambda: math.comb(-5, 1)), ("comb(5.0, 2)", lambda: math.comb(5.0, 2)), ("perm(-1)", lambda: math.perm(-1)),
         ("perm(3, -1)", lambda: math.perm(3, -1)), ("isqrt(-1)", lambda: math.isqrt(-1)), ("isqrt(4.0)", lambda: math.isqrt(4.0)),
         ("comb(3, 5)", lambda: math.comb(3, 5)), ("perm(3, 5)", lambda: math.perm(3, 5)), ("factorial(10**20)", lambda: math.factorial(10**20))]
for label, f in cases:
    try:
        print(label, "=", f())
    except (ValueError, TypeError, OverflowError) as e:
        print(label, "->", type(e).__name__ + ":", e)
