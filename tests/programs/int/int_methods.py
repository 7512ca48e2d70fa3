# int: methods and attributes: bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio, etc.
for v in [0, 1, -1, 2, 255, 256, -256, 2**63, -(2**63), 2**100 - 1]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.real, v.imag, v.numerator, v.denominator, v.conjugate())
print((5).is_integer(), (-(2**80)).is_integer())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((0).to_bytes(0, "big"), (255).to_bytes(), (-1).to_bytes(1, "big", signed=True))
print((-129).to_bytes(2, "big", signed=True), (2**64 - 1).to_bytes(8, "little"))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), int.from_bytes(b"\xff", "big", signed=True))
print(int.from_bytes(b"\xff\xff", signed=True, byteorder="little"), int.from_bytes(b""), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b"\x01" * 20, "big"))
for args in [(256, 1, "big"), (-1, 1, "big"), (128, 1, "big", True)]:
    try:
        if len(args) == 4:
            args[0].to_bytes(args[1], args[2], signed=args[3])
        else:
            args[0].to_bytes(args[1], args[2])
    except OverflowError as e:
        print("OverflowError:", e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print("ValueError:", e)
try:
    (1).to_bytes(-1, "big")
except ValueError as e:
    print("ValueError:", e)
print(int.__name__, (5).__class__.__name__, type(5).__name__)
print((10).__add__(5), (10).__sub__(3), (10).__mul__(2), (10).__neg__(), (7).__floordiv__(2), (7).__mod__(2))
print((10).__add__(1.5), (3).__lt__(4), (3).__eq__("3"))
print(int.__add__(2, 3), int.bit_length(1000))
