"""List/dict/set subscripts, membership and appends (BINARY_SUBSCR_*, STORE_SUBSCR_*, CONTAINS_OP_*, CALL_LIST_APPEND)."""
def main():
    l = list(range(100))
    d = {i: i for i in range(100)}
    s = set(range(0, 100, 3))
    out = []
    t = 0
    for i in range(1_000_000):
        j = i % 100
        l[j] = l[j] + 1
        t += d[j]
        if j in s:
            out.append(j)
    print(t, len(out), sum(l))
main()
