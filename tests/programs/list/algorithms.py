# list: list-based algorithms (binary search, merge sort, rotation, dedupe, matrix ops) exercising indexing paths
def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo

data = sorted([(i * 7919) % 1000 for i in range(200)])
print([bsearch(data, v) for v in (-1, 0, 500, 999, 1000)])

def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out = []
    i = j = 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i])
            i += 1
        else:
            out.append(r[j])
            j += 1
    out.extend(l[i:])
    out.extend(r[j:])
    return out

arr = [(i * 37 + 11) % 53 for i in range(40)]
print(merge_sort(arr) == sorted(arr), merge_sort(arr)[:10])
def rotate(a, k):
    k %= len(a)
    return a[-k:] + a[:-k]
print(rotate(list(range(7)), 3), rotate(list(range(7)), -2), rotate([1], 5))
seen = []
for v in [3, 1, 3, 2, 1, 4, 2]:
    if v not in seen:
        seen.append(v)
print(seen)
A = [[1, 2, 3], [4, 5, 6]]
B = [[7, 8], [9, 10], [11, 12]]
C = [[sum([A[i][k] * B[k][j] for k in range(3)]) for j in range(2)] for i in range(2)]
print(C, [list(r) for r in zip(*A)])
pascal = [[1]]
for _ in range(8):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
print(pascal[-1], [sum(r) for r in pascal])
lst = list(range(20))
evens = [x for x in lst if x % 2 == 0]
lst[:] = [x for x in lst if x % 3]
print(evens, lst)
