# Generic instructions that tier 1 runs in its fast loop (IS_OP fused with the jump that
# follows, builtin calls, GET_ITER, dict subscripts): results, and errors raised from there
# with the right line in the traceback.


def is_ops(values):
    out = []
    for v in values:
        if v is None:
            out.append("none")
        elif v is not True:
            out.append("other")
        else:
            out.append("true")
        flag = v is None
        out.append(flag)
        n = 0
        while v is not None and n < 3:
            n += 1
        out.append(n)
    return out


def builtins(xs):
    t = 0
    for x in xs:
        t += abs(x) + len(str(x)) + isinstance(x, int) + min(x, 3)
    return t


def iterate(obj):
    t = []
    for x in obj:
        t.append(x)
    return t


def dicts(keys):
    d = {}
    for k in keys:
        d[k] = len(k)
    t = 0
    for k in keys:
        t += d[k]
    return t, d


print(is_ops([None, True, 0, 1, None, "s"]))
print(builtins([1, -2, 3, -40, 5]))
print(iterate([1, 2]), iterate((3, 4)), iterate("ab"), iterate({5: 6}), iterate(range(2)))
print(dicts(["a", "bb", "ccc", "a"]))

for bad in (lambda: builtins([1, "x"]), lambda: iterate(5), lambda: dicts(["a"]) and {}["zz"]):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


class Key:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k


def lookups(d, keys):
    return [d[k] for k in keys]


d = {Key(1): "one", Key(2): "two"}
print(lookups(d, [Key(1), Key(2)]))
try:
    lookups(d, [Key(3)])
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)

abs("boom")
