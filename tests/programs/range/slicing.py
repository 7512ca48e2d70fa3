# range: slicing a range returns a range (repr shows normalized bounds) that matches slicing the list
r = range(3, 40, 4)
L = list(r)
for sl in [slice(None), slice(2, 5), slice(None, None, 2), slice(None, None, -1), slice(-3, None), slice(1, -1, 3),
           slice(100, 200), slice(-100, 2), slice(5, 1, -2), slice(None, None, -3), slice(2, 2)]:
    rs = r[sl]
    print(repr(rs), list(rs) == L[sl], list(rs))
print(range(10)[::2][::2], range(10)[1:][1:][1:], range(0, 100, 10)[-2:], range(5)[::-1][::-1])
try:
    range(5)[::0]
except ValueError as e:
    print("ValueError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(5)["a"]
except TypeError as e:
    print("TypeError:", e)
print(range(5)[True], range(2**70)[2**69], range(2**70)[-1], range(0, 2**70, 3)[10**10])
