# list: reverse() in place, reversed() iterator, copy() vs slicing vs list() (shallow), identity of copies
a = [1, [2, 3], "x"]
b = a.copy()
c = a[:]
d = list(a)
print(a == b == c == d, b is a, c is a, d is a, b[1] is a[1])
b[1].append(4)
b[0] = 100
print(a, b, c, d)
r = [1, 2, 3, 4]
print(r.reverse(), r)
r.reverse()
print(r, list(reversed(r)), r[::-1], r)
e = []
e.reverse()
print(e, list(reversed([])), [7].copy())
it = reversed(r)
print(next(it), next(it), list(it), list(it))
big = list(range(1001))
big.reverse()
print(big[:3], big[-3:], sum(big))
nested = [[0] * 2 for _ in range(2)]
shallow = nested.copy()
shallow[0][0] = 9
shallow.append([5])
print(nested, shallow)
try:
    [].copy(1)
except TypeError as err:
    print("TypeError:", err)
