# set: iteration order after many adds and removes of small ints, negative ints and short strs
# (dummy slots reused by later adds, resizes triggered by fill), mixed with floats, bools and
# big ints that share hashes with the ints: the order must be CPython's, slot for slot.
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n


s = set()
log = []
for step in range(3000):
    k = rand(80) - 40
    op = rand(4)
    if op == 0:
        s.discard(k)
    elif op == 1 and k in s:
        s.remove(k)
    else:
        s.add(k)
    if step % 250 == 0:
        log.append(list(s))
print(log)
print(list(s), len(s))

# Backtracking pattern: add, recurse, remove; order of what is left at every depth.
cols = set()
seen = []
def walk(depth):
    if depth == 5:
        seen.append(tuple(cols))
        return
    for c in range(7):
        k = c + depth * 3
        if c in cols or (c + depth) in cols or k in cols:
            continue
        cols.add(k)
        walk(depth + 1)
        cols.remove(k)
walk(0)
print(len(seen), seen[:5], seen[-5:], sorted(cols))

# Keys of other kinds with equal hashes: 1 == 1.0 == True, 2**61 - 1 hashes to 0.
m = {1, 2, 3}
m.add(1.0)
m.add(True)
print(m, 1.0 in m, True in m, 2.0 in m, 4.0 in m)
m.add(2**61 - 1)
m.add(2**61 + 7)
m.add(0.0)
m.discard(0)
print(list(m), 0 in m, 2**61 - 1 in m, (2**61 + 7) in m, 7 in m)
m.remove(1.0)
print(list(m), 1 in m)
f = {0.5, 1.5}
for i in range(-5, 5):
    f.add(i)
    f.add(i + 0.5)
f.discard(-0.0)
print(list(f), -0.0 in f, 0 in f, 0.5 in f)

# Short strs and long strs together: membership (order of strs is hash-seed dependent).
w = set()
for i in range(200):
    w.add("k%d" % (i % 37))
    w.add("a-much-longer-key-%d" % (i % 11))
    if i % 3 == 0:
        w.discard("k%d" % (i % 5))
print(len(w), "k3" in w, "k1" in w, "k36" in w, "a-much-longer-key-4" in w, "zz" in w)
print(sorted(w)[:8])

# Errors keep CPython's types and messages.
for bad in ([], {}, set()):
    try:
        s.add(bad)
    except TypeError as e:
        print(type(e).__name__, e)
    try:
        print(bad in s)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    s.remove(10**30)
except KeyError as e:
    print(type(e).__name__, e)
try:
    s.remove("nope")
except KeyError as e:
    print(type(e).__name__, e)
print(frozenset() in {frozenset()}, set() in {frozenset()})
