# List and tuple subscripts by a local index that is negative, in range and out of range,
# read into a local (LL_STORE), pushed (LL_PUSH) and stored (STORE_SUBSCR): compiled code
# tests the in-range non-negative index first and counts a negative one from the end.

def reads(xs, idxs):
    out = []
    for k in idxs:
        try:
            v = xs[k]
            out.append((k, v, xs[k] * 2))
        except IndexError as e:
            out.append((k, type(e).__name__, str(e)))
    return out


def writes(xs, idxs):
    for k in idxs:
        try:
            xs[k] = k * 10
        except IndexError as e:
            print(k, type(e).__name__, e)
    return xs


idxs = [0, 1, 4, -1, -5, -6, 5, 6, -2**62, 2**62, -2**63, 2**63 - 1]
for _ in range(3):
    r1 = reads([10, 20, 30, 40, 50], idxs)
    r2 = reads((10, 20, 30, 40, 50), idxs)
print(r1)
print(r2)
print(writes([1, 2, 3, 4, 5], idxs))
print(reads([], [0, -1]))
