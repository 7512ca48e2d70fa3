# bytes: indexing yields ints, slicing yields bytes; negative indices/steps, out-of-range, bytearray the same
b = b"0123456789"
print(b[0], b[-1], b[5], type(b[0]).__name__, b[2:5], b[::-1], b[::3], b[-3:], b[8:2:-2], b[100:], b[:0])
ba = bytearray(b)
print(ba[0], ba[-1], ba[2:5], ba[::-1], type(ba[2:5]).__name__, ba[::4])
for i in [10, -11]:
    for seq in [b, ba]:
        try:
            seq[i]
        except IndexError as e:
            print("IndexError:", e)
try:
    b["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
for i in range(-12, 12, 5):
    print(i, b[i:], b[:i], b[i::-1], b[i:i + 3])
print(list(b[1:4]), tuple(b"ab"), [x for x in b"\x00\xff"], sum(b"abc"), max(b"azb"), min(b"azb"))
print(b[slice(1, None, 2)], b[True], b"xyz"[-1:], b"" [::-1])
