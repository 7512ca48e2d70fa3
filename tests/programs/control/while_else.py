# control: while loops with else (runs when no break), break/continue inside, nested whiles, while True
i = 0
while i < 5:
    i += 1
else:
    print("while finished normally, i =", i)
i = 0
while i < 5:
    if i == 3:
        print("breaking at", i)
        break
    i += 1
else:
    print("never printed")
i = 0
out = []
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    out.append(i)
else:
    out.append("else")
print(out)
while False:
    print("never")
else:
    print("else of a loop that never ran")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
a, b = 0, 1
fib = []
while True:
    if a > 100:
        break
    fib.append(a)
    a, b = b, a + b
print(fib)
r = 0
c = 0
while r < 3:
    col = 0
    while col < 3:
        if col == r:
            col += 1
            continue
        c += 1
        col += 1
    r += 1
print("off-diagonal", c)
def find(lst, x):
    i = 0
    while i < len(lst):
        if lst[i] == x:
            break
        i += 1
    else:
        return -1
    return i
print(find([4, 5, 6], 6), find([4, 5, 6], 7), find([], 1))
k = 10
while k:
    k -= 3
    if k < 0:
        break
print(k)
