"""Generator resumption in for loops (FOR_ITER_GEN) and tuple unpacking (UNPACK_SEQUENCE_TWO_TUPLE)."""
def pairs(n):
    for i in range(n):
        yield i, i + 1
def main():
    t = 0
    for a, b in pairs(2_000_000):
        t += a * b & 0xFF
    print(t)
main()
