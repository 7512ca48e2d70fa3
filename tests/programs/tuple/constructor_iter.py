# tuple: tuple() from many iterables, iteration protocol over tuples, unpacking in for loops, errors
print(tuple([]), tuple(()), tuple("hi"), tuple(b"hi"), tuple(range(2, 10, 3)), tuple({3: "a", 1: "b"}), tuple({3: 1}.items()))
print(tuple(map(abs, [-1, -2])), tuple(filter(None, [0, 1, "", "a"])), tuple(reversed((1, 2, 3))), tuple(enumerate("ab")))
for bad in [5, None, 1.5]:
    try:
        tuple(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    tuple(1, 2)
except TypeError as e:
    print("TypeError:", e)
it = iter((10, 20))
print(next(it), next(it), next(it, "end"))
total = 0
for i, (k, v) in enumerate((("a", 1), ("b", 2))):
    total += i * v
    print(i, k, v)
print(total)
try:
    for a, b in ((1, 2), (3,)):
        print(a, b)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c, d = (1, 2)
except ValueError as e:
    print("ValueError:", e)
