# Hot int loops whose operands turn float, big or bool mid-loop: compiled code deopts to tier 1.
def accumulate(n, switch_at):
    s = 0
    i = 0
    while i < n:
        if i == switch_at:
            s = s + 0.5
        s = s + i
        i = i + 1
    return s

print(accumulate(1000, 10_000))
print(accumulate(1000, 500))
print(accumulate(3000, 2999))

def overflow(n):
    x = 1
    i = 0
    while i < n:
        x = x * 3
        i = i + 1
    return x

print(overflow(30))
print(overflow(100))

def counter_turns_float(limit):
    i = 0
    steps = 0
    while i < limit:
        steps = steps + 1
        if steps == 700:
            i = float(i)
        i = i + 1
    return i, steps

print(counter_turns_float(1000))
print(counter_turns_float(1000.5))

def mixed(n):
    a = 0
    b = 0.0
    for k in range(n):
        a = a + k
        b = b + k * 0.25
        if a > 100_000:
            a = a - 99_999
    return a, b

print(mixed(2000))

def divisions(n):
    out = []
    i = 1
    total = 0
    while i < n:
        total = total + (1000 // i) + (1000 % i)
        total = total - (i << 2) + (i >> 1)
        total = total ^ i
        total = total | 1
        total = total & 0xFFFFFF
        i = i + 1
    out.append(total)
    out.append(7 / 2)
    out.append(9 / 3)
    return out

print(divisions(500))

def bools(n):
    c = 0
    i = 0
    while i < n:
        c = c + (i > 5)
        i = i + True
    return c

print(bools(300))

def compares(xs):
    lt = le = eq = ne = gt = ge = 0
    for a in xs:
        for b in xs:
            if a < b:
                lt = lt + 1
            if a <= b:
                le = le + 1
            if a == b:
                eq = eq + 1
            if a != b:
                ne = ne + 1
            if a > b:
                gt = gt + 1
            if a >= b:
                ge = ge + 1
    return lt, le, eq, ne, gt, ge

print(compares([1, 2, 3, 2, 1] * 10))
print(compares([1.5, 2.0, float("nan"), 2, 1] * 10))
print(compares([10**20, 1, -10**20, 2] * 10))
