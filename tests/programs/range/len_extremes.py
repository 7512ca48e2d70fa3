# range: lengths, last items and iteration counts at the i64 extremes and for steps of 1,
# large steps and negative steps (the length is computed without 128-bit division).
import sys

M = sys.maxsize
cases = [(0, 10, 1), (10, 0, 1), (0, 10, 3), (10, 0, -3), (-M - 1, M, M), (M, -M - 1, -M - 1),
         (-5, 5, 2), (5, -5, -2), (0, 0, 1), (3, 4, 10), (-M - 1, M, 2), (-M - 1, M, 1),
         (M, -M - 1, -1), (M - 2, M, 1), (-M - 1, -M + 1, 1), (0, M, M // 2)]
for a, b, c in cases:
    r = range(a, b, c)
    try:
        n = len(r)
        print(a, b, c, n, r[-1] if n else None, sum(1 for _ in r) if n < 100 else "big")
    except OverflowError as e:
        print(a, b, c, type(e).__name__, e, r[0], r[-1])
