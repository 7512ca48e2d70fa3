# set: union/intersection/difference/symmetric_difference with several arguments of any iterable type
a = {1, 2, 3, 4, 5}
print(a.union(), a.union([6], (7,), range(8, 10)), a.union({1}), a.intersection([2, 3, 9], (3, 2)), a.intersection(), a.intersection(set()))
print(a.difference([1], (2,), {3}), a.difference(), a.symmetric_difference([4, 5, 6, 7]), a.symmetric_difference(a))
print(a, a.copy(), a.copy() is a, a.copy() == a)
print({1, 2}.union("ab") == {1, 2, "a", "b"}, set().union(*[{1}, {2}, {3}]), set.intersection(*[{1, 2}, {2, 3}, {2}]))
fs = frozenset([3, 4])
print(fs.union([5]), fs.intersection({4, 5}), fs.difference([3]), fs.symmetric_difference({4, 6}), type(fs.union()).__name__)
for f in [lambda: a.union(5), lambda: a.symmetric_difference(), lambda: a.symmetric_difference([1], [2]), lambda: a.difference(None)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
print(a.isdisjoint([9]), a.isdisjoint([5]), a.issubset(range(10)), a.issuperset([1, 2]), a.issuperset([0]), set().issubset([]))
try:
    a.issubset(3)
except TypeError as e:
    print("TypeError:", e)
