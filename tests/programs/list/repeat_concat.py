# list: + and * (zero/negative counts, nested shallow copies), augmented *=, type errors
print([1, 2] + [3], [] + [], [0] * 4, 3 * ["a"], [1, 2] * 0, [1] * -3, [[]] * 2, [1, 2] * True)
a = [1, 2]
b = a + a
a *= 3
print(a, b)
m = [[0] * 3] * 3
m[0][0] = 1
print(m, m[0] is m[1])
m2 = [[0] * 3 for _ in range(3)]
m2[0][0] = 1
print(m2, m2[0] is m2[1])
c = a
c *= 2
print(a is c, len(a))
c *= 0
print(a, c)
for f in [lambda: [1] * 1.5, lambda: [1] * "2", lambda: [1] + None, lambda: [1] - [1], lambda: "a" + [1]]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
try:
    [1] * (2**63)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
print(len([None] * 10000), ([1, 2] * 3).count(2), sum([[1], [2, 3], []], []))
