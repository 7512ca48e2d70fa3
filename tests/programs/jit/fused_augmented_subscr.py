# `x[i] op= v` on lists, whose read (load x, load i, COPY 2, COPY 2, subscript) and write
# (SWAP 3, SWAP 2, store) compiled code runs as one stencil each: index locals and
# constants, negative indexes, out-of-range indexes, other containers at the site, a
# right-hand side that raises or empties the list between the read and the write.


class MyList(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10

    def __setitem__(self, i, v):
        list.__setitem__(self, i, v + 1)


def bump_all(xs, n):
    for i in range(len(xs)):
        xs[i] += n               # index a local
        xs[0] -= 1               # index a constant
        xs[-1] *= 2              # negative: the write goes through tier 1
    return xs


def floats(b, dt, steps):
    for _ in range(steps):
        b[0] += dt * b[3]
        b[1] += dt * b[4]
        b[3] -= b[0] * 0.01
    return [round(v, 6) for v in b]


def on_anything(objs):
    out = []
    for o in objs:
        try:
            o[1] += 5
            out.append(o if not isinstance(o, dict) else sorted(o.items()))
        except (IndexError, KeyError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def boom():
    raise ValueError("rhs failed")


def rhs_raises(xs):
    for i in range(3):
        try:
            xs[i] += boom()
        except ValueError as e:
            print("ValueError:", e, xs)
    return xs


def rhs_clears(xs):
    def clear():
        xs.clear()
        return 1
    try:
        xs[2] += clear()
    except IndexError as e:
        print("IndexError:", e)
    return xs


def out_of_range(xs, idxs):
    out = []
    for i in idxs:
        try:
            xs[i] += 1
            out.append(xs[:])
        except (IndexError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


print(bump_all([1, 2, 3, 4], 10))
print(floats([1.0, 2.0, 3.0, 0.5, -0.25], 0.01, 500))
print(on_anything([[1, 2], MyList([3, 4]), {1: 2}, [1], (1, 2), "ab", [7, 8]]))
print(rhs_raises([1, 2, 3]))
print(rhs_clears([1, 2, 3]))
print(out_of_range([0, 0, 0], [0, 2, 3, -1, -4, True, 1.5]))
for _ in range(3):
    print(bump_all([5, 6], 1), on_anything([[0, 0], MyList([1, 1])]))
