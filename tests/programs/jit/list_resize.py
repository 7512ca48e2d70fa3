# A list grows and shrinks while a hot loop iterates over it or indexes it.
def grow(n):
    xs = [0, 1, 2]
    seen = 0
    for x in xs:
        seen = seen + x
        if len(xs) < n:
            xs.append(x + 1)
    return seen, len(xs)

print(grow(500))

def shrink():
    xs = list(range(1000))
    total = 0
    for x in xs:
        total = total + x
        if len(xs) > 10:
            xs.pop()
    return total, len(xs)

print(shrink())

def index_loop(n):
    xs = list(range(n))
    i = 0
    s = 0
    while i < len(xs):
        s = s + xs[i]
        if i == n // 2:
            del xs[n // 2 + 1:]
        i = i + 1
    return s, len(xs)

print(index_loop(1000))

def out_of_range(n):
    xs = list(range(n))
    i = 0
    s = 0
    try:
        while True:
            s = s + xs[i]
            i = i + 1
            if i == 600:
                xs.clear()
    except IndexError as e:
        print(type(e).__name__, e, i)
    return s

print(out_of_range(1000))
