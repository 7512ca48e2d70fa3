"""Small-int arithmetic, bit ops and compares (BINARY_OP_*_INT, COMPARE_OP_INT)."""
def main():
    h = 0
    for i in range(3_000_000):
        h = (h * 31 + (i ^ (i >> 3))) & 0xFFFFFF
        if h < 1000:
            h += 7
    print(h)
main()
