# str: + and * (incl. zero/negative counts, augmented), building strings in loops, errors for bad operands
print("ab" + "cd", "" + "", "x" * 3, 3 * "x", "ab" * 0, "ab" * -2, "" * 100, "日" * 2 + "🐍")
s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
t = "="
t *= 5
print(t)
u = "ab"
u += u
u += u
print(u, len(u))
print(("-" * 20)[:5], len("xy" * 1000), ("ab" * 3).count("ab"), "abc" * True, "abc" * False)
for bad in [lambda: "a" + 1, lambda: 1 + "a", lambda: "a" * "b", lambda: "a" * 1.5, lambda: "a" - "b",
            lambda: "a" + None, lambda: "a" + b"b", lambda: [1] + "a", lambda: "a" / 2, lambda: -"a"]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    "x" * (2**63)
except (OverflowError, MemoryError) as e:
    print(type(e).__name__)
acc = []
for w in ["alpha", "beta", "gamma"]:
    acc.append(w.upper() + "!" * len(w))
print(" ".join(acc))
n = "na" * 8 + " batman"
print(n, n.count("na"))
print("%s" % ("x" * 3) + "y" * 2)
