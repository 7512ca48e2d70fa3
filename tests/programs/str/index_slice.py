# str: indexing and slicing with positive/negative indices, steps, out-of-range bounds
s = "abcdefghij"
print(s[0], s[9], s[-1], s[-10], s[3], s[-4])
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3], s[-5:-2], s[5:2], s[100:], s[-100:3], s[3:100])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-3], s[-1:-11:-1], s[2::-1], s[:2:-1])
print(s[::3], s[::100], s[::-100], s[5:5], s[-1:0], s[0:-1:4])
for i in range(-12, 12, 3):
    for j in range(-12, 12, 4):
        print(repr(s[i:j]), end=" ")
    print()
for st in [1, 2, 3, -1, -2, -3]:
    print(st, [s[i::st] for i in (0, 4, -3)], [s[:j:st] for j in (0, 4, -3)])
for i in [10, -11, 100]:
    try:
        s[i]
    except IndexError as e:
        print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    s[1.0]
except TypeError as e:
    print("TypeError:", e)
print(s[True], s[False:True + 2], s[None:None:None], s[None:3], s[slice(2, 8, 2)])
print(s[2**70:], s[-(2**70):2], s[:2**70:3])
e = ""
print(repr(e[:]), repr(e[::-1]), repr(e[5:10]))
try:
    e[0]
except IndexError as err:
    print("IndexError:", err)
print(type(s[0]).__name__, len(s[0]), s[0] == s[0:1])
