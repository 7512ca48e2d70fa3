# float: divmod/%/// of floats, result signs, and the zero-division messages
for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3.0), (-0.0, 3.0), (0.0, -3.0), (1.0, 0.1),
             (5, 0.5), (1e20, 3.0), (-1e-20, 3.0), (1e-20, -3.0), (3.0, 1e20)]:
    q, r = divmod(a, b)
    print(a, b, q, r, a // b, a % b)
for a, b in [(1.0, 0.0), (1.0, -0.0), (1, 0.0), (0.0, 0), (1.5, False)]:
    for name, f in [("/", lambda: a / b), ("//", lambda: a // b), ("%", lambda: a % b), ("divmod", lambda: divmod(a, b))]:
        try:
            f()
        except ZeroDivisionError as e:
            print(a, name, b, "ZeroDivisionError:", e)
x = 5.0
try:
    x /= 0
except ZeroDivisionError as e:
    print("augmented:", e)
try:
    x //= 0.0
except ZeroDivisionError as e:
    print("augmented:", e)
print(x)
