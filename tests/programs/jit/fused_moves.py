# Values moved straight into locals by compiled code: the loop variable of `for` over a
# range or a list, `x = y`, `x = <constant>`, and a list item read into a local, each
# dropping the local's old value (whose finalizer runs at the store, as in CPython).


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("freed", self.name)


def loop_vars(n):
    i = Loud("i")
    total = 0
    for i in range(n):          # FOR_ITER_RANGE + STORE_FAST over a heap value
        total += i
    x = Loud("x")
    for x in [1, 2, 3, n]:      # FOR_ITER_LIST + STORE_FAST
        total += x
    for x in (4, 5):            # tuples push
        total += x
    return total, i, x


def moves(n):
    a = Loud("a")
    b = Loud("b")
    s = 0
    for k in range(n):
        a = k                   # LOAD_FAST + STORE_FAST over a heap value, then ints
        b = 7                   # LOAD_CONST + STORE_FAST
        c = None
        d = 2.5
        e = "short"
        f = (1, 2)              # a heap constant: not fused
        s += a + b
    return s, a, b, c, d, e, f


def items_to_locals(xs, n):
    t = Loud("t")
    acc = 0
    for i in range(n):
        t = xs[i]               # BINARY_SUBSCR_LIST_INT + STORE_FAST
        u = xs[-1]
        v = [xs][0][i % len(xs)]
        acc += t + u + v
    return acc


def self_copy(n):
    y = Loud("y")
    for _ in range(n):
        y = y                   # x = x keeps the value alive
    return y.name


print(loop_vars(100))
print(moves(50))
print(items_to_locals([1, 2, 3, 4], 4))
try:
    items_to_locals([1, 2], 3)
except IndexError as e:
    print("IndexError:", e)
print(self_copy(30))
for _ in range(3):
    print(loop_vars(5), moves(3), items_to_locals([5, 6], 2))
