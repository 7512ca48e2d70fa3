# Sorts whose keys are all inline ints, short strs, or pairs of those (compared as packed
# machine words), and the neighbours that must take the general path: long strs, big ints,
# bools, other tuple lengths, mixed kinds (TypeError), and stability of equal keys.

import random

rng = random.Random(11)
alpha = "ab\x00zé日"
short = ["".join(rng.choice(alpha) for _ in range(rng.randrange(0, 6))) for _ in range(400)]
ints = [rng.randrange(-50, 50) for _ in range(400)]

def check(name, keys, **kw):
    idx = list(range(len(keys)))
    got = sorted(idx, key=lambda i: keys[i], **kw)
    # The reference: a sort by a key wrapped so that no fast path applies.
    class W:
        __slots__ = ("k",)
        def __init__(self, k):
            self.k = k
        def __lt__(self, o):
            return self.k < o.k
    want = sorted(idx, key=lambda i: W(keys[i]), **kw)
    print(name, got == want, got[:8])

check("ints", ints)
check("ints rev", ints, reverse=True)
check("edge ints", [2**63 - 1, -2**63, 0, -1, 1, 2**62, -2**62, 0, -1])
check("short strs", short)
check("short strs rev", short, reverse=True)
check("prefixes", ["", "\x00", "\x00\x00", "a", "a\x00", "a\x00b", "ab", "aa", "a" * 15, "a" * 14 + "b", "ÿ", "é", "日", "\x7f"])
check("int,str", [(rng.randrange(-3, 3), rng.choice(short)) for _ in range(500)])
check("int,str rev", [(rng.randrange(-3, 3), rng.choice(short)) for _ in range(500)], reverse=True)
check("str,int", [(rng.choice(short), rng.randrange(-3, 3)) for _ in range(500)])
check("int,int", [(rng.randrange(-3, 3), rng.randrange(-2**63, 2**63)) for _ in range(500)])
check("str,str", [(rng.choice(short), rng.choice(short)) for _ in range(500)])

# Neighbours of the packed shapes: long strs, big ints, bools, floats, other lengths.
long_mix = short[:50] + ["x" * 16, "x" * 15, "x" * 17, "é" * 8, "é" * 7]
check("long strs", long_mix)
check("int,long str", [(i % 3, s) for i, s in enumerate(long_mix)])
check("big ints", ints[:50] + [2**63, -2**63 - 1, 2**100])
check("bools", [True, 0, False, 1, -1, True])
check("bool pairs", [(True, "a"), (1, "b"), (0, "a"), (False, "b")])
check("floats", [1.5, 0, -2, 0.5, 1])
check("lengths", [(1, "a"), (1,), (1, "a", 0), (0, "z"), ()])
check("nested", [(1, (2, "a")), (1, (1, "b")), (0, (3, "c"))])

# Mixed kinds in one place raise as the general comparison does.
for keys in ([(1, "a"), ("a", 1), (2, "b")], [("a", 1), ("a", "b")], [1, "a", 2], ["a", 1]):
    try:
        print(sorted(keys))
    except TypeError as e:
        print(type(e).__name__, e)

# Stability: equal packed keys keep input order, forwards and reversed.
recs = [(rng.choice("ab"), rng.randrange(2), i) for i in range(60)]
print(sorted(recs, key=lambda r: (r[0], r[1]))[:12])
print(sorted(recs, key=lambda r: (r[0], r[1]), reverse=True)[:12])
print(sorted(recs, key=lambda r: r[1])[:12])
print(sorted(recs, key=lambda r: r[0], reverse=True)[:12])

# list.sort in place, the word-count report shape, and a list mutated by its key function.
counts = {}
for w in short:
    counts[w] = counts.get(w, 0) + 1
items = list(counts.items())
items.sort(key=lambda kv: (-kv[1], kv[0]))
print(items[:10])
lst = [3, 1, 2]
def key(x):
    lst.append(x)
    return x
try:
    lst.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(lst)
