# int: bin/oct/hex for zero, negative and big values, and their round trip through int()
for v in [0, 1, -1, 2, 7, 8, 15, 16, 255, -255, 256, 4096, 2**31 - 1, -(2**31), 2**63, -(2**63), 2**64 - 1, 10**30, -(10**30)]:
    b, o, h = bin(v), oct(v), hex(v)
    print(v, b, o, h, int(b, 0) == v, int(o, 0) == v, int(h, 0) == v)
print(bin(True), hex(False), oct(True))
print(hex(3**100))
for bad in [1.5, "10", None, [1]]:
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        bin(bad)
    except TypeError as e:
        print("TypeError:", e)
print(format(255, "b"), format(255, "o"), format(255, "x"), format(255, "X"))
print(format(255, "#b"), format(255, "#o"), format(255, "#x"), format(255, "#X"))
print(format(-255, "#x"), format(-255, "x"))
