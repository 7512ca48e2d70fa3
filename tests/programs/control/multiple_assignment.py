# control: chained assignment (a = b = ...), tuple/list unpacking targets, swap, evaluation order of targets
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x = y = 5
x += 1
print(x, y)
p, q = 1, 2
p, q = q, p
print(p, q)
m, n, o = "xyz"
print(m, n, o)
[r, s], t = [1, 2], 3
print(r, s, t)
(u, v), (w, z) = "ab", [3, 4]
print(u, v, w, z)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
d = {}
d["a"] = d["b"] = 0
print(d)
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *rest = [1]
print(head, rest)
k = l2 = (1, 2)
print(k is l2)
arr = [0, 0, 0]
j = 0
j, arr[j] = 2, "set"
print(arr)
o1 = o2 = {"shared": True}
o2["new"] = 1
print(o1)
for bad in ["a, b = 1", "a, b = [1, 2, 3]", "a, *b, c = [1]"]:
    try:
        if bad == "a, b = 1":
            a, b = 1
        elif bad == "a, b = [1, 2, 3]":
            a, b = [1, 2, 3]
        else:
            a, *b, c = [1]
    except (TypeError, ValueError) as e:
        print(bad, "->", type(e).__name__ + ":", e)
