# List subscripts and list iteration, which compiled code runs inline: negative and
# out-of-range indexes, subclasses, temporaries, lists that grow or shrink while iterated,
# and an index that turns into another type mid-loop.


class MyList(list):
    def __getitem__(self, i):
        return ("sub", list.__getitem__(self, i))


def make(n):
    return [i * i for i in range(n)]


def subscripts(xs, n):
    total = 0
    for i in range(n):
        total += xs[i] + xs[-1 - i]
    return total


def temporaries(n):
    # The list is dropped right after the subscript: the item must outlive it.
    out = []
    for i in range(n):
        out.append(make(i + 1)[i])
        out.append([str(i) * 20][0])
    return out


def stores(n):
    xs = [0] * n
    for i in range(n):
        xs[i] = [i]  # objects replaced: the old ones are freed
        xs[i] = i * 2
    for i in range(n):
        xs[n - 1 - i] = xs[n - 1 - i] + xs[i]
    return xs


def out_of_range(xs, idx):
    try:
        return xs[idx]
    except IndexError as e:
        return type(e).__name__ + ": " + str(e)


def store_out_of_range(xs, idx):
    try:
        xs[idx] = 1
        return xs
    except IndexError as e:
        return type(e).__name__ + ": " + str(e)


def mixed_index(xs, keys):
    out = []
    for k in keys:
        try:
            out.append(xs[k])
        except TypeError as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out


def iterate_growing(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if len(xs) < 8:
            xs.append(x + 100)
    return seen


def iterate_shrinking(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if xs:
            xs.pop()
    return seen


def iterate_exhausted():
    xs = [1, 2]
    it = iter(xs)
    first = [x for x in it]
    xs.append(3)
    return first, list(it)


def sum_nested(rows):
    s = 0.0
    for r in rows:
        for v in r:
            s += v
    return s


for _ in range(3):
    xs = make(10)
    print(subscripts(xs, 10))
    print(temporaries(5))
    print(stores(6))
    print(out_of_range(xs, 10), out_of_range(xs, -11), out_of_range(xs, -10))
    print(store_out_of_range([1, 2], 2), store_out_of_range([1, 2], -1), store_out_of_range([1, 2], -3))
    print(mixed_index(xs, [1, -2, True, 3]))
    print(mixed_index((5, 6, 7, 8), [0, -1, 2]))
    print(mixed_index(xs, [1, 2.0, "x"]))
    print(mixed_index(MyList([7, 8, 9]), [0, 2, -1]))
    print(iterate_growing([1, 2, 3]))
    print(iterate_shrinking([1, 2, 3, 4, 5]))
    print(iterate_exhausted())
    print(sum_nested([[1.5, 2.5], [3.0], [], [0.25] * 4]))
    print(sum_nested([MyList([1.0, 2.0]), (3.0, 4.0)]))


class IterList(list):
    def __iter__(self):
        return iter(["a", "b"])


def unpack(v):
    x, y = v
    return x, y


for v in [[1, 2], IterList([3, 4]), (5, 6), IterList([7, 8])]:
    print(unpack(v))
