# range: negative steps: lengths, elements, membership, reversed(), and matching list slicing results
cases = [(10, 0, -1), (10, 0, -3), (0, 10, -1), (-1, -10, -2), (5, -5, -4), (3, 3, -1), (0, -1, -1), (2**40, 2**40 - 10, -3)]
for args in cases:
    r = range(*args)
    print(args, len(r), list(r)[:6], r[0] if r else "-", r[-1] if r else "-", list(reversed(r))[:6], -4 in r, 0 in r)
r = range(20, -20, -7)
print(list(r), r.index(-8), r.count(-1), list(reversed(r)))
L = list(range(20))
for sl in [slice(None, None, -1), slice(15, 3, -4), slice(-2, None, -3), slice(3, 15, -1)]:
    print(L[sl] == list(range(20)[sl]), list(range(20)[sl]))
