# control: loop-heavy algorithms (n-queens counting, bubble sort with early exit, matrix spiral, LCS table)
def queens(n):
    count = 0
    cols = [0] * n
    def ok(r, c):
        for pr in range(r):
            pc = cols[pr]
            if pc == c or abs(pc - c) == r - pr:
                return False
        return True
    def place(r):
        nonlocal count
        if r == n:
            count += 1
            return
        for c in range(n):
            if ok(r, c):
                cols[r] = c
                place(r + 1)
    place(0)
    return count
print([queens(n) for n in range(1, 8)])
arr = [5, 1, 4, 2, 8, 0, 3]
passes = 0
while True:
    swapped = False
    passes += 1
    for i in range(len(arr) - 1):
        if arr[i] > arr[i + 1]:
            arr[i], arr[i + 1] = arr[i + 1], arr[i]
            swapped = True
    if not swapped:
        break
print(arr, passes)
m = [[r * 4 + c for c in range(4)] for r in range(4)]
out = []
top, bot, left, right = 0, 3, 0, 3
while top <= bot and left <= right:
    for c in range(left, right + 1):
        out.append(m[top][c])
    top += 1
    for r in range(top, bot + 1):
        out.append(m[r][right])
    right -= 1
    if top <= bot:
        for c in range(right, left - 1, -1):
            out.append(m[bot][c])
        bot -= 1
    if left <= right:
        for r in range(bot, top - 1, -1):
            out.append(m[r][left])
        left += 1
print(out)
a, b = "AGGTAB", "GXTXAYB"
L = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
for i in range(1, len(a) + 1):
    for j in range(1, len(b) + 1):
        L[i][j] = L[i - 1][j - 1] + 1 if a[i - 1] == b[j - 1] else max(L[i - 1][j], L[i][j - 1])
print(L[-1][-1])
