# Generators whose bodies are hot loops, run with the JIT: yields, sends, closes, yield from.
def count_up(n):
    i = 0
    while i < n:
        yield i * 2
        i = i + 1
    return "done"

print(sum(count_up(1000)))

def squares(n):
    for i in range(n):
        s = i * i
        if s % 3 == 0:
            yield s

print(sum(squares(3000)), len(list(squares(100))))

def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        x = yield avg
        total = total + x
        count = count + 1
        avg = total / count

g = averager()
next(g)
for v in range(1, 500):
    r = g.send(v)
print(r)
g.close()

def delegate(n):
    r = yield from count_up(n)
    yield r

print(list(delegate(5)))

def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib_gen()
vals = [next(f) for _ in range(120)]
print(vals[10], vals[90], vals[119])

def with_cleanup(n):
    try:
        i = 0
        while i < n:
            yield i
            i = i + 1
    finally:
        print("cleanup at", i)

it = with_cleanup(10_000)
for x in it:
    if x == 777:
        break
it.close()
print([x + 1 for x in range(10) if x % 2], sum(x * 1.5 for x in range(400)))
