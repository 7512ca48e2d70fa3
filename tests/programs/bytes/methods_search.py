# bytes: find/rfind/index/count/startswith/endswith/replace with bytes and int arguments and ranges
b = b"abracadabra"
for sub in [b"a", b"abra", b"z", b"", 97, 122]:
    print(repr(sub), b.find(sub), b.rfind(sub), b.count(sub), b.find(sub, 3), b.rfind(sub, 0, 6), sub in b)
print(b.index(b"c"), b.rindex(b"a"), b.index(98), b.startswith(b"abr"), b.startswith((b"x", b"ab")), b.endswith(b"ra", 0, 11), b.endswith(b"a", 0, 5))
for args in [(b"x",), (256,), ("a",)]:
    try:
        b.index(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(b.replace(b"a", b"A"), b.replace(b"a", b"", 2), b.replace(b"", b"-"), b.replace(b"abra", b"X", 1))
print(bytearray(b).replace(b"a", b"o"), bytearray(b).find(b"cad"), bytearray(b).count(b"a"))
for bad in ["a", 1.5, None]:
    try:
        b.startswith(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    b.replace("a", "b")
except TypeError as e:
    print("TypeError:", e)
try:
    b"a" in "a"
except TypeError as e:
    print("TypeError:", e)
try:
    300 in b
except ValueError as e:
    print("ValueError:", e)
print(b.removeprefix(b"abra"), b.removesuffix(b"bra"), b.partition(b"c"), b.rpartition(b"a"), b.partition(b"zz"))
