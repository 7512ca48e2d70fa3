# Dict subscripts, unpacking and tuple/list displays in compiled loops: a missing key, an
# unhashable key, a dict subclass with __missing__ at the same site, a key whose __hash__
# raises, unpacking the wrong number of items, a list where a tuple was, and back.
class Missing(dict):
    def __missing__(self, k):
        return -1


class BadHash:
    def __hash__(self):
        raise ArithmeticError("no hash")


def lookups(ds, keys, n):
    s = 0
    for i in range(n):
        d = ds[i % len(ds)]
        k = keys[i % len(keys)]
        try:
            s += d[k]
        except KeyError as e:
            if i > n - 12:
                print(i, type(e).__name__, e)
        except (TypeError, ArithmeticError) as e:
            if i > n - 12:
                print(i, type(e).__name__, e)
    return s


print(lookups([{1: 10, 2: 20}], [1, 2], 300))
print(lookups([{1: 10, 2: 20}], [1, 2, 3, [4], BadHash()], 300))
print(lookups([{1: 10}, Missing({2: 5})], [1, 2], 300))


def stores(n):
    d = {}
    m = Missing()
    for i in range(n):
        d[i % 7] = i
        try:
            if i == n - 2:
                d[[i]] = 1
            if i == n - 1:
                d[BadHash()] = 1
        except (TypeError, ArithmeticError) as e:
            print(type(e).__name__, e)
        tgt = m if i == n // 2 else d
        tgt[i % 3] = -i
    return sorted(d.items()), sorted(m.items())


print(stores(300))


def unpack(seqs, n):
    s = 0
    for i in range(n):
        q = seqs[i % len(seqs)]
        try:
            a, b = q
            s += a - b
        except (ValueError, TypeError) as e:
            if i > n - 10:
                print(i, type(e).__name__, e)
        try:
            x, y, z = q if len(q) == 3 else (q[0], q[0], q[0])
            s += x * y * z
        except TypeError as e:
            print(type(e).__name__, e)
    return s


print(unpack([(1, 2)], 300))
print(unpack([(1, 2), [3, 4], (5, 6, 7), [8], "ab"], 300))


def build(n):
    acc = 0
    last = None
    for i in range(n):
        t = (i, i + 1, "x")
        l = [i, t, []]
        e = ()
        el = []
        acc += len(t) + len(l) + len(e) + len(el) + l[0]
        last = (t, l)
    return acc, last


print(build(300))
