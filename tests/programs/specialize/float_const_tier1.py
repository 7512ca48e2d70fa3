# Tier 1's float constant fused with the float op after it: `x > 4.0` (compare with the left
# operand on the stack), `(a + b) * 0.5`, `2.0 * x` (constant, local, op). Each runs long
# enough to specialize, then meets operands its guard rejects (ints, a str, NaN).


def escape(zr, zi):
    n = 0
    while n < 50:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            break
        zi = 2.0 * zr * zi + 0.25
        zr = zr2 - zi2 - 0.5
        n += 1
    return n


def mixed(a, b):
    x = (a + b) * 0.5
    y = 3.0 - a
    z = 1.5 + b
    w = a - 0.125
    return x, y, z, w, a < 2.5, a >= 2.5, b == 1.0, 2.0 * a


def main():
    total = 0
    for i in range(40):
        for j in range(40):
            total += escape(i / 20.0 - 1.5, j / 20.0 - 1.0)
    print("escape", total)
    acc = []
    for i in range(200):
        acc.append(mixed(i * 0.25, 1.0))
    print(acc[3], acc[199])
    print(mixed(3, 1))
    print(mixed(True, 2))
    print(mixed(float("nan"), float("inf")))
    print(mixed(-0.0, 1.0))
    try:
        mixed("s", 1.0)
    except TypeError as e:
        print(type(e).__name__, e)
    print(mixed(2.5, 1.0))


main()
