# int: divmod, abs and the ZeroDivisionError messages of / // % divmod
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(2**70, 3), divmod(-(2**70), 3), divmod(3, 2**70), divmod(-3, 2**70))
print(divmod(True, 2), divmod(7, True))
print(abs(0), abs(-0), abs(5), abs(-5), abs(-(2**63)), abs(2**100), abs(-(2**100)))
print(abs(True), abs(False), type(abs(True)))
print(abs(-9223372036854775808), type(abs(-9223372036854775808)))
for a in [1, 0, -1, 2**70]:
    for op in ["/", "//", "%", "divmod"]:
        try:
            if op == "/":
                a / 0
            elif op == "//":
                a // 0
            elif op == "%":
                a % 0
            else:
                divmod(a, 0)
        except ZeroDivisionError as e:
            print(a, op, "ZeroDivisionError:", e)
try:
    x = 5
    x //= 0
except ZeroDivisionError as e:
    print("augmented:", e)
try:
    x = 5
    x %= False
except ZeroDivisionError as e:
    print("bool divisor:", e)
try:
    divmod(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    abs("x")
except TypeError as e:
    print("TypeError:", e)
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError:", e)
