# list: ==/!=/</<=/>/>= lexicographic comparisons, nested lists, mixed numeric types, identity shortcuts with nan
pairs = [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2], [1, 2, 0]), ([], [0]), ([3], [1, 9]), ([1, [2, 3]], [1, [2, 4]]),
         ([1.0, 2], [1, 2.0]), (["a"], ["b"]), ([True], [1]), ([1, 2], (1, 2))]
for a, b in pairs:
    print(a, b, a == b, a != b)
    try:
        print(" ", a < b, a <= b, a > b, a >= b)
    except TypeError as e:
        print("  TypeError:", e)
nan = float("nan")
x = [nan]
print(x == x, [nan] == [nan], [float("nan")] == [float("nan")], x != [nan])
try:
    [1, "a"] < [1, 2]
except TypeError as e:
    print("TypeError:", e)
print([1, "a"] < [2, 1], [1, "a"] == [1, 2])
print(sorted([[3], [1, 2], [1], [], [1, 1]]), max([[1, 2], [1, 10], [0, 100]]), min([[2], [1, 5]]))
a = [1, 2, 3]
b = [1, 2, 3]
print(a == b, a is b, a is not b, [a] == [b], [[a]] == [[b]])
