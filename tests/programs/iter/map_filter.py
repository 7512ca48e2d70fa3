# iter: map with one/many iterables (stops at shortest), filter with None and predicates, laziness
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(map(str, range(3))), list(map(int, ["1", "-2"])), list(map(len, ["", "ab"])), list(map(lambda x: x, [])))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, 0.0, 2])), list(filter(lambda x: x % 2, range(10))), list(filter(str.isdigit, "a1b22")))
log = []
def f(x):
    log.append(x)
    return x * 10
m = map(f, [1, 2, 3])
print(log, next(m), log, list(m), log, list(m))
flt = filter(lambda x: log.append(("p", x)) or x > 1, [1, 2, 3])
print(next(flt), log[-2:])
for bad in [lambda: map(abs), lambda: list(map(abs, 5)), lambda: filter(None), lambda: list(map(abs, ["x"])), lambda: list(filter(5, [1]))]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(type(map(abs, [])).__name__, type(filter(None, [])).__name__, sum(map(int, "12345")), max(map(len, ["a", "abc", "ab"])))
print(list(map(lambda p: p[0] * p[1], zip(range(4), range(4, 8)))), list(filter(lambda s: s.strip(), [" ", "x", "\t"])))
print(list(map(divmod, [7, 8], [2, 3])), list(map(str.upper, filter(str.islower, "aBcD"))))
