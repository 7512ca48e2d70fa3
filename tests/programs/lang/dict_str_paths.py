# The runtime paths of word counting: tuples of up to two items (kept in the tuple object),
# sort keys led by an int, str split/join/slice fast paths, dict subscripts and `in` with
# str and tuple keys (exact and subclass).

# Pairs built every way: literals, BUILD_TUPLE from variables, dict items, enumerate, zip,
# slices, concatenation, repetition; refilled dict-items pairs kept alive.
a, b = "x", 2
pairs = [(a, b), (b, a), tuple([1, 2]), (1,), (), tuple("ab"), (a, b)[::-1], (a,) + (b,),
         (a,) * 2, (1, 2, 3)[1:], divmod(7, 2)]
print(pairs, [len(p) for p in pairs], [hash(p) == hash(tuple(list(p))) for p in pairs])
d = {"k%d" % i: i for i in range(5)}
kept = list(d.items())
print(kept, [p for p in d.items()][-1], list(enumerate("abc")), list(zip("ab", [1, 2])))
it = iter(d.items())
first = next(it)
second = next(it)
print(first, second, first is second)
big = [(i, str(i)) for i in range(20000)]
del big
again = [(i, -i) for i in range(30)]
print(again[:3], again[-1], sum(x + y for x, y in again))

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
t = (Noisy("first"), Noisy("second"))
del t
t = (Noisy("solo"),)
del t

# Sorting with (int, str) keys: ties on the int fall to the str, equal keys keep their order.
counts = {"b": 3, "a": 3, "c": 1, "dd": 2, "é": 3, "ab": 1, "longer_than_fifteen": 3,
          "longer_than_fifteeo": 3, "z": -1, "": 3}
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted(counts.items(), key=lambda kv: (kv[1], kv[0]), reverse=True))
stable = [(1, "a", i) for i in range(5)] + [(0, "b", i) for i in range(5)]
print(sorted(stable, key=lambda t: (t[0], t[1])))
print(sorted([(2, "x"), (1, "y"), (2, "x"), (1, "y", 0), (1,)], key=lambda t: t))
print(sorted([(1, 2.5), (1, 2), (0, "s"), (1, True)][:3]))
print(sorted([(2**70, "a"), (1, "b"), (-2**70, "c")]))
print(sorted([(True, "a"), (0, "b"), (1, "a")]))
print(sorted([(1, "b", 0), (1, "a"), (1, "a", -1)]))

class Rev(str):
    def __lt__(self, other):
        return str.__gt__(self, other)
print(sorted([(1, Rev("a")), (1, Rev("c")), (0, Rev("b"))]))
print(sorted([(1, Rev("a")), (1, Rev("c")), (1, Rev("b"))]))
try:
    sorted([(1, "a"), (1, 2), (0, "x")])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([(1, "a"), (1, None)])
except TypeError as e:
    print(type(e).__name__, e)

# split / join / slices on ASCII and non-ASCII text.
for text in ["  ka lo\tmi\nne  ", "ka lo mi", "", " ", "a  b", "é ü ka", "日本 語 x", "x\x1cy\x1fz"]:
    print(repr(text), text.split(), text.split(" "), text.split("a"), text.split("é"))
print("a,b,,c,".split(","), ",".split(","), "abc".split("abc"), "aXbXc".split("X", 1))
words = ["ka", "lo", "", "ünï", "a" * 15, "b" * 16, "日本語"]
print("-".join(words), "".join(words), " and ".join(words), "é".join(["x", "y"]))
print(repr("".join([])), repr("x".join(["solo"])), "-".join(("t", "u")))

class S(str):
    pass
print("+".join([S("sub"), "x", S("a" * 20)]))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
for w in ["shishishishishi", "é", "kaé", "a", "", "日本語テキスト", "x" * 20]:
    print(w[:2], w[-2:], w[1:-1], w[::7], w[5:2], w[-100:100])

# Dict subscripts and `in` with str and tuple keys, exact and subclass.
pairs = {}
prev = None
for w in "ka lo ka lo mi ka lo ka".split(" "):
    if prev is not None:
        key = (prev, w[:2])
        if key in pairs:
            pairs[key] += 1
        else:
            pairs[key] = 1
    prev = w[-2:]
print(sorted(pairs.items()))
print(("ka", "lo") in pairs, ("ka", S("lo")) in pairs, pairs[(S("ka"), "lo")])

class Key(str):
    def __hash__(self):
        return str.__hash__(self)
    def __eq__(self, other):
        print("eq", str(self), str(other))
        return str.__eq__(self, other)
d = {Key("w"): 1, "v": 2}
print(d["w"], "w" in d, d.get("w"), d[Key("v")])
print(Key("v") in d, (Key("w"), 1) in {("w", 1): 0})
try:
    pairs[("no", "pe")]
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}[["unhashable"]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    ["unhashable"] in {}
except TypeError as e:
    print(type(e).__name__, e)
print("%-16s %6d %s" % ("word", 12, "WOR"), "%s_%d" % ("k", 3))
