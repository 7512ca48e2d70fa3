# list: slicing with all combinations of start/stop/step (positive, negative, None, out of range)
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-3], a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2], a[100:], a[-100:2], a[5:5], a[6:2])
idx = [None, -12, -5, -1, 0, 1, 4, 9, 12]
for st in [None, 1, 2, 3, -1, -2, -4]:
    out = []
    for i in idx:
        for j in idx:
            out.append(len(a[i:j:st]))
    print(st, sum(out), out[:12])
for i in idx:
    print(i, a[i:], a[:i], a[i::-1], a[:i:-2])
s = slice(1, 8, 3)
print(a[s], a[slice(None)], a[slice(-2, None)], s.indices(len(a)), slice(None, None, -1).indices(5))
b = a[:]
print(b == a, b is a, a[::1] == a, a[::-1][::-1] == a, a[2**70:], a[:-(2**70)], a[::2**70])
