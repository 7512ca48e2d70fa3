# Generators in typical pipelines.
def numbers():
    n = 0
    while True:
        yield n
        n += 1


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


print(list(take(5, squares(evens(numbers())))))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


print(list(take(15, fib())))
print(list(zip(take(3, fib()), "abc")))
print(list(map(lambda x: x + 1, take(4, numbers()))))
print(list(filter(None, take(6, numbers()))))
print(list(enumerate(take(3, fib()), 1)))
print(sorted(take(5, (x * 7 % 5 for x in numbers()))))
print(list(reversed(list(take(4, numbers())))))
print(dict(zip(take(3, numbers()), take(3, fib()))))
a, b, *c = take(5, numbers())
print(a, b, c)
x, y = take(2, fib())
print(x, y)
print([*take(3, numbers()), *take(2, fib())])
print(min(take(4, fib())), max(take(8, fib())))
print("fib" in (s for s in ["a", "fib"]))
print(3 in take(5, numbers()), 30 in take(5, numbers()))


# Tree traversal with recursive generators.
tree = (1, (2, (4, None, None), (5, None, None)), (3, None, (6, None, None)))


def inorder(t):
    if t is None:
        return
    v, l, r = t
    yield from inorder(l)
    yield v
    yield from inorder(r)


def preorder(t):
    if t is not None:
        v, l, r = t
        yield v
        for x in preorder(l):
            yield x
        for x in preorder(r):
            yield x


print(list(inorder(tree)), list(preorder(tree)))


# Permutations via generators.
def perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            yield [items[i]] + p


print(list(perms([1, 2, 3])))


# Round-robin scheduler with send().
def worker(name, n):
    for i in range(n):
        got = yield "%s:%d" % (name, i)
        if got:
            print(name, "got", got)


tasks = [worker("a", 2), worker("b", 3), worker("c", 1)]
queue = list(tasks)
step = 0
while queue:
    t = queue.pop(0)
    try:
        print(t.send(None) if step < 3 else t.send(step))
        queue.append(t)
    except StopIteration:
        print("finished")
    step += 1


# A large number of yields (performance sanity).
def many(n):
    for i in range(n):
        yield i


total = 0
for v in many(200000):
    total += v
print(total)
print(sum(many(100000)))


# Generators with break and continue.
def chunks(seq, size):
    chunk = []
    for x in seq:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


print(list(chunks(range(10), 3)))
for c in chunks(range(10), 4):
    if len(c) < 4:
        continue
    print("full chunk", c)


# Generator defined and used inside a loop, interleaved.
def gen_pairs():
    for i in range(3):
        inner = (i * 10 + j for j in range(2))
        yield list(inner)


print(list(gen_pairs()))
