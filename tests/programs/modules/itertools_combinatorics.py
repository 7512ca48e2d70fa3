# itertools: product (repeat), permutations, combinations, combinations_with_replacement: order, edge cases, errors
from itertools import product, permutations, combinations, combinations_with_replacement as cwr
import itertools

print(list(product("ab", range(2))), list(product()), list(product([])), list(product([1], [])))
print(list(product("ab", repeat=2)), list(product([0, 1], repeat=0)), len(list(product(range(3), repeat=3))))
print(list(product(iter([1, 2]), (3,), repeat=2)))
print(list(permutations("abc")), list(permutations(range(3), 2)), list(permutations([1, 2], 0)))
print(list(permutations([], 0)), list(permutations([])), list(permutations("ab", 3)), len(list(permutations(range(5)))))
print(list(permutations("abcd", 2)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)))
print(list(combinations("ab", 3)), list(combinations([], 0)), list(combinations([], 1)), len(list(combinations(range(10), 4))))
print(list(cwr("abc", 2)), list(cwr([1, 2], 3)), list(cwr("ab", 0)), list(cwr([], 2)), list(cwr([], 0)))
print(len(list(cwr(range(5), 3))))
p = permutations([1, 2, 3])
print(next(p), next(p), list(p), list(p))
for f, a, k in [(permutations, ([1], -1), {}), (permutations, ([1], "x"), {}), (permutations, ([1], 1.5), {}),
                (combinations, ([1], -1), {}), (combinations, ([1],), {}), (cwr, ([1], -2), {}),
                (product, ([1],), {"repeat": -1}), (product, ([1],), {"x": 1}), (product, (5,), {}),
                (combinations, (5, 1), {})]:
    try:
        f(*a, **k)
        print("ok")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(list(permutations([1, 2], r=None)), list(combinations(r=1, iterable="xy")))
print(type(product()).__name__, type(cwr("", 1)).__name__, repr(type(permutations([]))))
