# builtins: len() of every sized builtin type, huge ranges, and the TypeError/OverflowError messages
vals = ["", "abc", "日本", b"xy", bytearray(3), [], [1, [2, 3]], (), (1,), {}, {"a": 1}, set(), {1, 2}, frozenset([1]),
        range(10), range(0, 10, 3), range(5, 0, -1), {}.keys(), {"a": 1}.items(), {"a": 1, "b": 2}.values()]
print([len(v) for v in vals])
for bad in [5, 1.5, None, iter([]), map(abs, []), len, True]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len(range(2**64))
except OverflowError as e:
    print("OverflowError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)
print(len(range(2**62)), len("x" * 100000), len([None] * 12345), len({i: i for i in range(777)}))
print("abc".__len__(), [1].__len__(), type(len("")).__name__)
