# iter: sum (start values, floats with compensated summation in 3.12, lists with start), any/all short-circuit
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum(range(101)), sum([0.1] * 10), sum([1, 2.5]), sum([True, True, 3]))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([1e16, 1.0, 1.0]), sum([0.1] * 10) == 1.0)
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1, 2], start=0.5), sum(map(lambda x: x * x, range(10))), sum([2**70, -(2**70), 1]))
print(sum([1j, 2, 0.5]), sum([], 5.5), sum(iter([1, 2])), sum({1: "a", 2: "b"}))
for f in [lambda: sum(["a", "b"], ""), lambda: sum(["a"]), lambda: sum([b"a"], b""), lambda: sum([[1]]), lambda: sum(5), lambda: sum([1], 2, 3)]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]), any(iter([False, True])))
calls = []
def t(v):
    calls.append(v)
    return v
print(any(map(t, [0, 0, 3, 4, 0])), calls)
calls.clear()
print(all(map(t, [1, 2, 0, 4])), calls)
print(any("x"), all(""), any([[]]), all([[]]), any(range(0)), all(range(1, 5)), any({0: 1}), all({0: 1}))
try:
    any(5)
except TypeError as e:
    print("TypeError:", e)
