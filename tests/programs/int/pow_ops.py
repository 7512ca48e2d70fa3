# int: ** with positive, zero and negative exponents (float results), signs, big powers
for b in [0, 1, -1, 2, -2, 3, -3, 10]:
    print(b, [b ** e for e in range(0, 6)])
print(0 ** 0, 1 ** 0, (-1) ** 0)
print(2 ** -1, 2 ** -2, (-2) ** -1, (-2) ** -3, 10 ** -3, 3 ** -1)
print(type(2 ** -1), type(2 ** 10), type(0 ** 0))
print(1 ** -5, (-1) ** -5, (-1) ** -4)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(2 ** 62, 2 ** 63, 2 ** 64, 2 ** 127, 2 ** 128)
print((-2) ** 63, (-2) ** 64, (-3) ** 41)
print(10 ** 30, 7 ** 77)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3))
print((-8) ** 2, -8 ** 2, -(8 ** 2), (-8) ** 3)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(2 ** -1 ** 2, (-2) ** -2)
x = 3
x **= 4
print(x)
x **= -1
print(x)
print(pow(2, 10), pow(-2, 7), pow(2, -2), pow(0, 0))
print(pow(10, 25) == 10 ** 25)
print(2 ** 1000 % 10007, len(str(3 ** 5000)))
print(1 ** (10 ** 20), (-1) ** (10 ** 20), (-1) ** (10 ** 20 + 1), 0 ** (10 ** 20))
try:
    print(2 ** -(10 ** 5))
except OverflowError as e:
    print("OverflowError:", e)
print(2 ** -1074, 2 ** -1075, 2 ** -1080)
try:
    print(10 ** -400)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** -300)
