# builtins: abs on every numeric type; all/any on empty, truthy/falsy mixes, strings, dicts and iterators
print(abs(-5), abs(5), abs(0), abs(-0.0), abs(-2.5), abs(3 + 4j), abs(-2**100), abs(True), abs(False), abs(float("-inf")))
print(type(abs(-1)).__name__, type(abs(-1.0)).__name__, type(abs(1j)).__name__, type(abs(True)).__name__)
print(abs(float("nan")), abs(-1e-320), abs(complex(-3, -4)), abs(complex(0, -0.0)))
for bad in ["1", None, [1], (1,)]:
    try:
        abs(bad)
    except TypeError as e:
        print("TypeError:", e)
print(all([]), all(()), all(""), all([1, 2, 3]), all([1, 0, 3]), all("abc"), all([[], 1]), all({0: 1}), all({1: 0}))
print(any([]), any([0, 0.0, "", None]), any([0, "x"]), any(" "), any({0}), any({0: 1, 1: 0}), any(range(0)), any(range(2)))
it = iter([1, 0, 5, 6])
print(all(it), list(it))
it = iter([0, 3, 7])
print(any(it), list(it))
print(all([True] * 1000), any([False] * 1000 + [True]), all(map(str.isdigit, ["1", "22"])), any(map(str.isalpha, ["1", "2"])))
try:
    all(5)
except TypeError as e:
    print("TypeError:", e)
try:
    any()
except TypeError as e:
    print("TypeError:", e)
