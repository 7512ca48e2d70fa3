# list: index() with start/stop (incl. negative and out of range), count() with equal-but-different types
a = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(a.index(5), a.index(5, 5), a.index(5, -3), a.index(1, 2, 4), a.index(3, -100, 100), a.count(5), a.count(7), a.count(1.0))
for args in [(7,), (5, 9, 10), (3, 1, 9), (1, -5)]:
    try:
        a.index(*args)
    except ValueError as e:
        print("ValueError:", e)
b = [1, True, 1.0, "1", (1,), [1], 1 + 0j]
print(b.count(1), b.count(True), b.count("1"), b.count([1]), b.index(True), b.index(1.0), b.index((1,)))
try:
    a.index()
except TypeError as e:
    print("TypeError:", e)
try:
    a.index(1, "x")
except TypeError as e:
    print("TypeError:", e)
print([[1, 2], [3]].index([3]), [None, None].count(None), [].count(0))
words = "a rose is a rose is a rose".split()
print({w: words.count(w) for w in words}, words.index("is"), words.index("is", 3))
