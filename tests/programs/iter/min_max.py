# iter: min/max with several args, one iterable, key=, default=, ties (first wins), and the error messages
print(max(3, 1, 2), min(3, 1, 2), max([3, 1, 2]), min("hello"), max("a", "B"), max([1, 2.5, 2]), min((5,)))
print(max([], default="none"), min([], default=None), max([1], default=0), max(iter([4, 9, 2])), max(range(10), key=lambda x: -x))
words = ["bb", "a", "ccc", "dd", "eee"]
print(max(words, key=len), min(words, key=len), max(*words, key=len), min(words, key=lambda w: (len(w), w)))
pairs = [(1, "x"), (3, "y"), (3, "z"), (0, "w")]
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: -p[0]), max(pairs), min(pairs))
print(max(1, 1.0), max(1.0, 1), min(0, False), max(True, 1, 1.0), max(-0.0, 0.0), min(0.0, -0.0))
print(max({3: "a", 7: "b"}), min({1, 2, 3}), max("abc", "abd", "ab"), max([[1, 2], [1, 3]]))
cases = [lambda: max(), lambda: min([]), lambda: max(5), lambda: max(1, "a"), lambda: max([], key=len),
         lambda: min(1, 2, default=0), lambda: max([1], foo=1), lambda: max([None, 1])]
for f in cases:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
nan = float("nan")
print(max([nan, 1, 2]), max([1, nan, 2]), min([2, nan]), max(2**70, 2.0**70), type(max(2**70, 2.0**70)).__name__)
