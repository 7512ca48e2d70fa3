# int: + - * unary ops, precedence and small-int arithmetic results
a = 7
b = 3
print(a + b, a - b, a * b)
print(b - a, -a, +a, -(-a))
print(a + b * 2, (a + b) * 2, a - b - 1, a - (b - 1))
print(2 * 3 + 4 * 5, 2 * (3 + 4) * 5)
print(-2 * -3, -2 * 3, 2 * -3)
print(0 * -5, -0, 0 - 0)
print(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10)
print(10 - 20, -10 - -20)
x = 0
for i in range(1, 101):
    x += i * i
print("sum of squares", x)
x = 1
for i in range(1, 21):
    x *= i
print("20!", x)
# results that cross the small-int caches
print(255 + 1, 256 + 1, -5 - 1, -6 + 1)
print(1000000 * 1000000)
print(2147483647 + 1, -2147483648 - 1)
print(4294967295 + 1, 4294967296 * 4294967296)
print(9223372036854775807, -9223372036854775808)
print(9223372036854775806 + 1)
print(-9223372036854775807 - 1)
# type of results
print(type(a + b), type(a * b), type(-a))
print(type(a / b), a / b, 6 / 3, type(6 / 3))
print(7 / -2, -7 / 2, 1 / 3, 2 / 3, 10 / 4)
# int identity of results
print(3 - 3 == 0, (a * b) == 21, (a - b) != 4)
# unary on expressions and literals
print(-(a + b), ~a, ~-a, -~a, not a, not 0)
print(0x1F, 0o17, 0b1011, 1_000_000, 0x_ff)
print(00, 0_0)
