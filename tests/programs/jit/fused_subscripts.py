# List subscripts that compiled code runs with the list and index read from locals or
# constants: every shape, negative and out-of-range indexes (IndexError from tier 1), other
# containers at the same site (tuples, dicts, a list subclass overriding the operators),
# stores over heap items, and items freed by the store.


class Loud:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("freed", self.n)


class MyList(list):
    def __getitem__(self, i):
        return ("mine", list.__getitem__(self, i))

    def __setitem__(self, i, v):
        list.__setitem__(self, i, ("set", v))


def reads(xs, n):
    t = 0
    for i in range(n):
        t += xs[i]           # LL
        t += xs[-1]          # LC, negative
        t += xs[0] * 2       # LC
        t -= [xs][0][i]      # SC, then SL on the result
    return t


def writes(xs, n):
    for i in range(n):
        xs[i] = xs[i] + 1    # LL store, LL read
        xs[0] = i            # LC store
    return xs


def swap_loop(work, k):
    i, j = 0, k
    while i < j:
        t = work[i]
        work[i] = work[j]
        work[j] = t
        i += 1
        j -= 1
    return work


def guarded(objs):
    out = []
    for o in objs:
        try:
            out.append(o[1])
        except (IndexError, KeyError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def guarded_store(objs):
    out = []
    for o in objs:
        try:
            o[1] = "x"
            out.append(o if not isinstance(o, dict) else sorted(o.items()))
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def index_kinds(xs, idxs):
    out = []
    for i in idxs:
        try:
            out.append(xs[i])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def store_frees(n):
    xs = [Loud(0), Loud(1)]
    for i in range(n):
        xs[1] = i
    return xs[0].n, xs[1]


print(reads([3, 1, 4, 1, 5, 9, 2, 6], 8))
print(writes([0] * 6, 6))
for k in range(1, 8):
    print(swap_loop(list(range(10)), k))
print(guarded([[1, 2], (3, 4), {1: "d"}, [5], MyList([6, 7]), "ab", [8, 9], {}, None]))
print(guarded_store([[1, 2], [5], MyList([6, 7]), {}, (1, 2), [8, 9]]))
print(index_kinds([10, 20, 30], [0, -1, 2, 3, -4, True, 1.0, 2**70]))
print(store_frees(50))
for _ in range(3):
    print(reads(list(range(20)), 20), guarded([[1, 2], MyList([3, 4])]))
