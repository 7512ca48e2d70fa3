# list: repr/str of lists containing themselves or each other ([...]), nested empties, and strings inside lists
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a))
b = [a, [a]]
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
print([[], [[]], [[], [[]]]], [""], ["'"], ['"'], ["a\nb"], [None, True, 1.0, 1e100, -0.0])
x = [1]
y = [x, x]
print(y, y[0] is y[1])
t = (a,)
print(t)
dct = {"self": None}
lst = [dct]
dct["self"] = lst
print(lst, dct)
print(a == a, a[2] is a)
