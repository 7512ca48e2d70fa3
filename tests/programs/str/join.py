# str: join over lists, tuples, generators, dicts and strings; the TypeError for non-str items
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join(()), repr("".join([])))
print(", ".join(("one",)), "::".join([str(i) for i in range(5)]), "/".join({"k1": 1, "k2": 2}))
print("\n".join(["line1", "line2"]))
print("日".join(["a", "b", "c"]), "ab".join(["1", "2", "3"]), "x".join(["", "", ""]))
print("+".join(map(str, [1, 2.5, True, None])), "".join(reversed("stressed")))
print("".join(sorted("banana")), "|".join(["a"] * 5), len("-".join(["ab"] * 1000)))
for bad in [["a", 1], [None], ["a", b"b"], 5, [["x"]]]:
    try:
        print("".join(bad))
    except TypeError as e:
        print("TypeError:", e)
parts = []
for i in range(10):
    parts.append(chr(ord("a") + i) * i)
print("_".join(parts))
print(str.join("-", ["a", "b"]), "-".join(iter(["p", "q"])))
# Separators of every width (inline up to 15 bytes, heap beyond) between inline and heap items.
ws = ["a", "bb", "", "é日", "x" * 20, "y" * 15]
for sep in ["", " ", ", ", "-" * 15, "=" * 16, "é", "\x00"]:
    print(repr(sep.join(ws)), repr(sep.join([])), repr(sep.join(["z"])), repr(sep.join(("q", "r"))))
print(len(" ".join(["w%d" % i for i in range(1000)])))
