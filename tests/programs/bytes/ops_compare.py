# bytes: concatenation, repetition, membership, comparisons (incl. vs bytearray and str), hashing
a, b = b"abc", b"abd"
print(a + b, a * 2, 0 * a, a * -1, a + bytearray(b"!"), bytearray(b"!") + a, type(bytearray(b"!") + a).__name__)
print(a < b, a == b"abc", a != b, a < b"abcd", b"" < a, b"\xff" > b"\x00\xff", a == bytearray(b"abc"), bytearray(b"a") < b"b")
print(a == "abc", b"a" != "a", 97 in a, b"bc" in a, b"" in a, b"x" in a, bytearray(b"c") in a)
print(sorted([b"b", b"a", b"ab", b"", b"\xff"]), max([b"x", b"xy"]), min(b"hello"))
print(hash(b"abc") == hash(b"abc"), hash(b"") == hash(bytes()))
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print("TypeError:", e)
for f in [lambda: a + "s", lambda: "s" + a, lambda: a + 1, lambda: a < "s", lambda: a * 1.5, lambda: a - a]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
x = b"ab"
x += b"cd"
x *= 2
print(x, len(x), x.count(b"a"))
