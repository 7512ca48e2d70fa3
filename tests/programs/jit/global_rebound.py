# A global read in a hot loop is rebound mid-loop (by the loop and by a callee).
SCALE = 2

def rebind(v):
    global SCALE
    SCALE = v

def work(n):
    total = 0
    i = 0
    while i < n:
        total = total + SCALE * i
        if i == n // 2:
            rebind(3)
        i = i + 1
    return total

print(work(1000))
print(work(1000))
SCALE = 1.5
print(work(1000))

def shadow(n):
    global len
    r = 0
    for i in range(n):
        r = r + len("abc")
        if i == 300:
            len = lambda s: 10
    del len
    return r

print(shadow(600))
print(len("abc"))
