# int: big-int // % divmod with every sign combination, exact and inexact
vals = [10**40 + 123, -(10**40 + 123), 2**100, -(2**100), 3**70, -(3**70)]
divs = [7, -7, 10**20 + 1, -(10**20 + 1), 2**64, -(2**64), 2**100]
for a in vals:
    for b in divs:
        q, r = divmod(a, b)
        ok = q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
        print(q, r, ok)
# exact divisions
print((2**200) // (2**100) == 2**100, (6**50) // (3**50) == 2**50)
print((10**40) % (10**20), (-(10**40)) % (10**20))
# true division of big ints gives correctly rounded floats
print(2**100 / 2**50, (10**30) / 3, -(10**30) / 7)
print((2**1000) / (2**999), 1 / 2**60, (10**22 + 1) / 10**22)
print(10**400 // 10**399, (10**400 + 1) % 10**399)
