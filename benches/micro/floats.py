"""Float arithmetic and comparisons on locals (BINARY_OP_*_FLOAT, COMPARE_OP_FLOAT)."""
def main():
    x, v, dt = 0.0, 1.0, 0.001
    n = 0
    for i in range(2_000_000):
        v = v - x * dt
        x = x + v * dt
        if x > 0.5:
            n += 1
    print(round(x, 6), n)
main()
