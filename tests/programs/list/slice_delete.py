# list: del with indices, simple slices and extended slices (positive/negative steps), and del errors
a = list(range(12))
del a[0]
del a[-1]
print(a)
del a[2:4]
print(a)
del a[::3]
print(a)
del a[::-2]
print(a)
b = list(range(10))
del b[8:2:-2]
print(b)
del b[100:]
del b[-100:1]
print(b)
del b[5:2]
print(b)
c = list(range(6))
del c[:]
print(c, len(c))
d = list(range(10))
del d[1::2], d[0]
print(d)
try:
    del d[10]
except IndexError as e:
    print("IndexError:", e)
try:
    del d["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    del d[::0]
except ValueError as e:
    print("ValueError:", e)
x = [[1, 2], [3, 4]]
del x[0][1]
del x[1][:]
print(x)
y = list(range(20))
while len(y) > 3:
    del y[::2]
print(y)
