# list: append/extend/insert/+= with all index forms (negative, past the end) and iterable kinds
a = []
a.append(1)
a.append([2, 3])
a.extend([4, 5])
a.extend((6,))
a.extend("ab")
a.extend(range(2))
a.extend({"k": 1})
a.extend(map(lambda x: x * 10, range(2)))
print(a)
b = [1, 2, 3]
b.insert(0, "front")
b.insert(2, "mid")
b.insert(-1, "before-last")
b.insert(100, "end")
b.insert(-100, "start")
print(b)
c = [1]
c += [2]
c += (3, 4)
c += "xy"
c += range(2)
print(c)
d = c
d += [99]
print(c is d, c[-1])
e = [0]
e.extend(e)
e.extend(e)
print(e)
f = [1, 2]
f.append(f)
print(f, f[2] is f, len(f))
for bad in [lambda: [].extend(5), lambda: [].append(), lambda: [].insert(1), lambda: [].insert("0", 1), lambda: [].extend(None)]:
    try:
        bad()
    except TypeError as err:
        print("TypeError:", err)
try:
    g = [1]
    g += 5
except TypeError as err:
    print("TypeError:", err)
try:
    [1] + (2,)
except TypeError as err:
    print("TypeError:", err)
big = []
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.insert(0, -i)
print(len(big), big[:5], big[-5:], sum(big))
