# builtins: bin/oct/hex/chr/ord/divmod/pow/round/abs used together on boundary values
for v in [0, 1, -1, 127, 128, 255, 256, 65535, 0x10FFFF, -(2**63), 2**64]:
    print(v, bin(v), oct(v), hex(v), abs(v), divmod(v, 7), round(v, -2), pow(v, 2, 1000), v.bit_length())
for c in [0, 9, 10, 32, 65, 127, 128, 255, 256, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF]:
    ch = chr(c)
    print(c, repr(ch), ord(ch) == c, len(ch.encode("utf-8")), ascii(ch))
print(divmod(2**100, 3**30), divmod(-2**100, 3**30), pow(7, 2**20, 10**9 + 9), round(123.456, 1), round(-123.456, -1))
print(hex(int("ff", 16) * 2), oct(int("0o777", 0) + 1), bin(int("1" * 64, 2) + 1))
print(abs(-0), abs(-0.0), abs(-(2**63)), abs(1 - 1j), divmod(0, -3), divmod(-0.0, 3), divmod(2**64, -2**32))
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(2.675, 2), round(10**20 + 1, -1), round(5, -1), round(15, -1))
print(pow(0, 0), pow(0.0, 0), pow(-1, 0.5), pow(2, -3), pow(-2, -3), pow(10, 3, 7), pow(-10, 3, 7), pow(3, -1, 11))
print(max(0, -0.0), min(-0.0, 0), max(1, True), min(False, 0), sum([0.1, 0.2, 0.3]), sum([1, 2], 3), sum([], -1))
print(bin(-0), oct(-8), hex(-256), int(bin(-5), 2), int(oct(-64), 8), int(hex(-4096), 16))
for bad in [lambda: bin(1.0), lambda: chr("a"), lambda: ord(""), lambda: divmod(1, 0.0), lambda: pow(2, 0.5, 3), lambda: round(1, 2, 3)]:
    try:
        bad()
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
