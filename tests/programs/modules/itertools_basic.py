# itertools: count/cycle/repeat/accumulate/chain/compress/dropwhile/takewhile/filterfalse/starmap/pairwise/batched/zip_longest, reprs and errors
import itertools
from itertools import count, cycle, repeat, accumulate, chain, compress, dropwhile, takewhile
from itertools import filterfalse, starmap, pairwise, batched, zip_longest, islice
import operator

def take(n, it):
    return list(islice(it, n))

c = count()
print(take(3, c), c, next(c), c)
print(take(4, count(5)), take(4, count(0, 2)), take(3, count(1.5)), take(3, count(10, -3)))
print(count(5), count(0, 2), count(1.5), count(0, 1.0), count(2**70), count(-1, -1))
c = count(2**63 - 2)
print(take(4, c), c)
print(take(4, count(0.5, 0.25)), take(3, count(1j, 1)))
print(repr(count(0, 1)), repr(count(start=3, step=4)))
print(type(count()), type(count()).__name__, type(count()).__module__)
print(take(7, cycle("abc")), take(3, cycle([])), take(5, cycle(iter([1, 2]))))
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(1, -5)), take(3, repeat(7)))
r = repeat("a", 3)
print(r, repeat(1), repeat([1], times=2), r.__length_hint__())
next(r)
print(r, r.__length_hint__(), list(r), r, r.__length_hint__())
print(operator.length_hint(repeat(0, 5)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([1, 2], func=operator.sub)))
print(list(chain()), list(chain([1, 2], (3,), "ab")), list(chain.from_iterable(["ab", [1], range(2)])))
print(list(chain.from_iterable(iter([[1], [], [2, 3]]))), type(chain.from_iterable([])).__name__)
print(list(compress("abcdef", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 2)), list(compress([1, 2], [])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(dropwhile(bool, [])), list(takewhile(bool, [])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None, [], [0]])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, [[1, 2], "ab"])))
print(list(starmap(lambda *a: a, [(), (1,), iter([1, 2])])))
print(list(pairwise("abcde")), list(pairwise([1])), list(pairwise([])), list(pairwise(range(3))))
print(list(batched("abcdefg", 3)), list(batched(range(4), 2)), list(batched([], 5)), list(batched([1], 10)))
print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest()), list(zip_longest([1, 2], [])))
print(list(zip_longest(range(3), "ab", [True]))) 
# Laziness: chain/starmap only fail when advanced.
ch = chain(1)
try:
    next(ch)
except TypeError as e:
    print("TypeError:", e)
sm = starmap(pow, [1])
try:
    next(sm)
except TypeError as e:
    print("TypeError:", e)
# Errors
for f, a, k in [(count, ("a",), {}), (count, (1, "a"), {}), (count, (1, 2, 3), {}), (cycle, (), {}),
                (cycle, ([],), {"x": 1}), (repeat, (), {}), (repeat, (1, "a"), {}), (accumulate, (), {}),
                (chain, (), {"x": 1}), (compress, ([1],), {}), (dropwhile, (None,), {}), (filterfalse, (None,), {}),
                (takewhile, (1, 2, 3), {}), (starmap, (pow,), {}), (pairwise, (), {}), (batched, ([1],), {}),
                (batched, ([1], 0), {}), (batched, ([1], "x"), {}), (zip_longest, ([1],), {"x": 1}), (cycle, (5,), {})]:
    try:
        f(*a, **k)
        print("ok", f.__name__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError:", e)
try:
    count()[0]
except TypeError as e:
    print("TypeError:", e)
print(iter(c) is c, hasattr(count(), "__next__"), isinstance(chain(), chain))
print(sorted(n for n in dir(itertools) if not n.startswith("_")))
