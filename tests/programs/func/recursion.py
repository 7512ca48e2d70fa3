# func: recursive functions (factorial, fibonacci with memo dict, ackermann, mutual recursion, tree walking)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print([fact(i) for i in range(10)], fact(50))
memo = {}
def fib(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(30), fib(90), len(memo))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3), ack(3, 3))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
tree = [1, [2, [3, [4]], 5], [[6]], 7]
def flatten(t):
    out = []
    for x in t:
        if isinstance(x, list):
            out.extend(flatten(x))
        else:
            out.append(x)
    return out
def depth(t):
    return 1 + max([depth(x) for x in t if isinstance(x, list)], default=0)
print(flatten(tree), depth(tree))
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))
def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"), len(perms("abcde")))
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(900))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(2**40 * 3, 6**20), gcd(17, 5))
