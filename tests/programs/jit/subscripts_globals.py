# Subscripts and global loads in compiled loops: negative and out-of-range indexes, strs and
# tuples, stores, a global deleted and a builtin shadowed mid-loop.
def reads(xs, n):
    s = 0
    for i in range(n):
        s = s + xs[i % len(xs)] + xs[-1 - (i % len(xs))]
    return s

print(reads([1, 2, 3, 4], 1000))
print(reads((5, 6, 7), 1000))
print(reads([1.5, 2.5], 300))

def chars(s, n):
    out = []
    for i in range(n):
        out.append(s[i % len(s)])
        out.append(s[-1])
    return "".join(out[:12]), len(out)

print(chars("héllo wörld", 500))

def stores(n):
    xs = [0] * 10
    for i in range(n):
        xs[i % 10] = xs[i % 10] + i
        xs[-1] = i
    return xs

print(stores(1000))

def past_end(xs):
    i = 0
    try:
        while True:
            xs[i] = xs[i] * 2
            i = i + 1
    except IndexError as e:
        print(type(e).__name__, e, i)
    try:
        while True:
            i = i - 1
            xs[i] = xs[i] + 1
    except IndexError as e:
        print(type(e).__name__, e, i)
    return xs[:5]

print(past_end(list(range(300))))

def wrong_types(n):
    xs = [1, 2, 3]
    out = 0
    for i in range(n):
        c = xs if i < n - 2 else {0: 10, 1: 20, 2: 30}
        out = out + c[i % 3]
    try:
        xs[True] = 5
        print(xs[1.0])
    except TypeError as e:
        print(type(e).__name__, e)
    return out, xs

print(wrong_types(400))

G = 10

def use_global(n):
    t = 0
    for i in range(n):
        t = t + G + abs(-i)
        if i == n // 2:
            globals()["abs"] = lambda v: 1
    del globals()["abs"]
    return t

print(use_global(600))

def deleted_global(n):
    global G
    t = 0
    for i in range(n):
        if i == n - 3:
            del G
        t = t + G
    return t

try:
    deleted_global(500)
except NameError as e:
    print(type(e).__name__, e)
