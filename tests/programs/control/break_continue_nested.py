# control: break/continue in nested loops (only innermost affected), flags to break outer loops, loop-in-try
found = None
for i in range(1, 10):
    for j in range(1, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print(found)
total = 0
for i in range(5):
    if i == 1:
        continue
    for j in range(5):
        if j > i:
            break
        if (i + j) % 2:
            continue
        total += i * j
print(total)
grid = [[1, 2, 3], [4, -1, 6], [7, 8, 9]]
neg_at = None
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v < 0:
            neg_at = (r, c)
            break
    else:
        continue
    break
print(neg_at)
log = []
for i in range(3):
    try:
        if i == 1:
            continue
        log.append(("body", i))
    finally:
        log.append(("finally", i))
print(log)
log = []
for i in range(3):
    try:
        if i == 1:
            break
        log.append(i)
    finally:
        log.append("f%d" % i)
print(log)
count = 0
i = 0
while i < 4:
    j = 0
    while True:
        j += 1
        if j > i:
            break
        count += 1
    i += 1
print(count)
out = []
for a in "ab":
    for b in "xy":
        for c in "12":
            if c == "2" and b == "y":
                continue
            out.append(a + b + c)
print(out)
