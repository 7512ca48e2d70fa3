# lang (phase 3): generator functions: lazy execution, next/StopIteration, return value, locals preserved, reuse
log = []
def gen(n):
    log.append("started")
    for i in range(n):
        log.append(f"yield {i}")
        yield i * i
    log.append("finished")
    return "done"
g = gen(3)
print(type(g).__name__, log)
print(next(g), log)
print(list(g), log)
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
g2 = gen(2)
next(g2)
next(g2)
try:
    next(g2)
except StopIteration as e:
    print("return value:", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def countdown(n):
    while n > 0:
        yield n
        n -= 1
print(list(countdown(5)), sum(countdown(100)), max(countdown(3)), list(countdown(0)))
def empty():
    return
    yield
print(list(empty()), iter(g) is g)
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        log.append("gen finally")
log.clear()
for x in with_finally():
    pass
print(log)
print(list(zip(countdown(3), "abc")), dict(enumerate(countdown(2))))
