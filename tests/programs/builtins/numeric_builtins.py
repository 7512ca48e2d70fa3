# builtins: bin/oct/hex/chr/ord/divmod/pow/round/abs used together on boundary values
for v in [0, 1, -1, 127, 128, 255, 256, 65535, 0x10FFFF, -(2**63), 2**64]:
    print(v, bin(v), oct(v), hex(v), abs(v), divmod(v, 7), round(v, -2), pow(v, 2, 1000), v.bit_length())
for c in [0, 9, 10, 32, 65, 127, 128, 255, 256, 0x7FF, 0x800, 0xFFFF, 0x10000, 0x10FFFF]:
    ch = chr(c)
    print(c, repr(ch), ord(ch) == c, len(ch.encode("utf-8")), ascii(ch))
print(divmod(2**100, 3**30), divmod(-2**100, 3**30), pow(7, 2**20, 10**9 + 9), round(123.456, 1), round(-123.456, -1))
print(hex(int("ff", 16) * 2), oct(int("0o777", 0) + 1), bin(int("1" * 64, 2) + 1))
