# lang (phase 3): pure-Python and C-accelerated stdlib modules: collections, functools, itertools, operator
import collections
import functools
import itertools
import operator
c = collections.Counter("mississippi")
print(c.most_common(2), c["s"], sorted(c.items()))
dq = collections.deque([1, 2, 3], maxlen=4)
dq.appendleft(0)
dq.append(4)
dq.rotate(1)
print(dq, dq.maxlen, list(dq))
dd = collections.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd))
Pt = collections.namedtuple("Pt", "x y")
p = Pt(1, 2)
print(p, p.x + p.y, p._replace(x=9), p._asdict(), Pt._fields)
od = collections.OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od))
print(functools.reduce(operator.add, range(10)), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4], 1))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info().hits > 0)
double = functools.partial(operator.mul, 2)
print(double(21), list(map(double, [1, 2])))
print(list(itertools.islice(itertools.count(5, 2), 4)), list(itertools.chain("ab", [1])), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.permutations("abc", 2)), list(itertools.combinations(range(4), 3)), list(itertools.product("xy", repeat=2)))
print([(k, list(g)) for k, g in itertools.groupby("aaabbc")], list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.attrgetter("x")(p), list(itertools.pairwise("abcd")))
