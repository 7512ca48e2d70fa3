# control: chained comparisons (a < b < c): short-circuit, middle operand evaluated once, mixed operators
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(2) > v(0) != v(5) == v(5), calls)
calls.clear()
print(v(1) == v(1) == v(2) == v(3), calls)
x = 5
print(0 < x < 10, 0 < x <= 5 < 6, 1 < x > 3, x == 5 != 4, 1 < 2 < 3 < 4 < 5 < 4)
print(1 < 2 == True, (1 < 2) == True, 1 in [1] in [[1]], "a" < "b" < "c")
a = [1, 2]
b = a
print(a is b is not None, None is None is None, 1 not in [2] not in [[1]])
r = 0 <= x < 10 and x % 2 == 1
print(r)
print([n for n in range(20) if 3 <= n < 8 or 15 < n <= 17])
try:
    print(1 < 2 < "x")
except TypeError as e:
    print("TypeError:", e)
print(1 > 2 < "x")
lo, hi = 10, 20
for t in [5, 10, 15, 20, 25]:
    print(t, lo <= t <= hi, lo < t < hi, not lo < t < hi)
