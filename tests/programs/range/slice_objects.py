# range: slice objects: constructor forms, attributes, indices() normalization, repr, equality, use in [] and errors
s = slice(5)
print(s, s.start, s.stop, s.step, slice(1, 5), slice(1, 5, 2), slice(None, None, -1), slice("a", [1], None))
for sl in [slice(None), slice(2, 8), slice(-3, None), slice(None, None, -1), slice(10, -10, -3), slice(-100, 100, 7), slice(0, 0)]:
    print(repr(sl), sl.indices(10), sl.indices(0), sl.indices(3))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
data = "abcdefghij"
for sl in [slice(2, 5), slice(None, None, 3), slice(-4, None), slice(8, 2, -2)]:
    print(data[sl], list(range(10))[sl], tuple(range(10))[sl])
for args in [(0,), (-1,)]:
    try:
        slice(None, None, *args).indices(5)
    except ValueError as e:
        print("ValueError:", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    slice("a").indices(5)
except TypeError as e:
    print("TypeError:", e)
try:
    slice()
except TypeError as e:
    print("TypeError:", e)
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print("TypeError:", e)
print(type(slice(1)).__name__, slice(2**70).indices(10), slice(-2**70, 2**70).indices(4))
