# int: & | ^ ~ << >> on positive, negative and big ints (two's complement semantics)
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256, 2**40 + 3, -(2**40) - 3]
for a in vals[:7]:
    print(a, [a & b for b in vals], [a | b for b in vals])
    print(a, [a ^ b for b in vals], ~a)
print(~0, ~1, ~-1, ~255, ~(2**64), ~-(2**64))
for s in [0, 1, 3, 31, 32, 63, 64, 65, 100]:
    print(s, 1 << s, -1 << s, 5 << s, (2**70) >> s, -(2**70) >> s, -5 >> s, 1 >> s)
print(-1 >> 1000, 1 >> 1000, 12345 >> 3, -12345 >> 3)
print((1 << 200) >> 199, (1 << 200) & ((1 << 100) - 1), (1 << 200) | 1)
big = 2**128 - 1
print(big & 0xFFFF, big ^ (2**127), big | 2**200, -big & 0xFF, -big | 0xFF, -big ^ 0xFF)
print((-(2**100)) & (2**101 - 1), (-(2**100)) | 7, (-(2**100)) ^ -(2**99))
for s in [-1, -100]:
    for f in [lambda: 1 << s, lambda: 1 >> s]:
        try:
            f()
        except ValueError as e:
            print("ValueError:", e)
x = 0b1010
x |= 0b0101
print(x)
x &= 0b0110
print(x)
x ^= 0b1111
print(x)
x <<= 70
print(x)
x >>= 68
print(x)
print(True & 3, True | 2, True ^ True, False << 3, type(True & True), type(True & 1))
print(0 << 10000, 0 >> 5)
try:
    print(1 << (2**70))
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
print(1 >> (2**70), -1 >> (2**70))
