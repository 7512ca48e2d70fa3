# list: slice assignment (growing/shrinking, insert via empty slice, extended-slice exact length, self-assignment)
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[2:2] = ["ins1", "ins2"]
print(a)
a[:0] = [-1]
print(a)
a[len(a):] = [99, 100]
print(a)
a[-2:] = []
print(a)
a[1:3] = "xyz"
print(a)
a[::2] = range(len(a[::2]))
print(a)
a[1::3] = [None] * len(a[1::3])
print(a)
a[::-1] = list(range(len(a)))
print(a)
a[:] = a
print(a)
b = [1, 2, 3]
b[1:2] = b
print(b)
c = [1, 2, 3, 4, 5]
c[3:1] = ["x"]
print(c)
c[10:20] = ["far"]
print(c)
c[-100:1] = ["near"]
print(c)
d = list(range(6))
d[5:1:-2] = ["p", "q"]
print(d)
for f in [lambda: d.__setitem__(slice(None, None, 2), [1]), lambda: d.__setitem__(slice(None, None, -1), []),
          lambda: d.__setitem__(slice(0, 2), 5), lambda: d.__setitem__(slice(None, None, 0), [])]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
e = [0, 1, 2]
e[0:1] = [x * 10 for x in range(3)]
print(e)
e[1:1] = {"k": 1}
print(e)
