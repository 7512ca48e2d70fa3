# int: comparisons between ints, big ints, floats and bools, including precision edges
print(1 == 1.0, 1 == True, 0 == False, 2 == True, 1.0 == True)
print(1 < 2.5, 3 > 2.999, -1 < -0.5, 0 == -0.0, 0 < 1e-300)
print(2**53 == 2.0**53, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2**53 + 1 < 2.0**53 + 2)
print(2**64 == float(2**64), 2**64 + 1 == float(2**64), 10**400 > 1e308, -(10**400) < -1e308)
inf = float("inf")
nan = float("nan")
print(10**400 < inf, -(10**400) > -inf, 10**400 == inf)
print(1 < nan, 1 > nan, 1 == nan, 1 != nan, 10**400 == nan, 10**400 != nan)
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(True < 2, False < True, True > 0.5, -1 < False)
print(1 < 2 < 3, 3 > 2 > 1, 1 < 3 < 2, 1 == 1.0 == True, 1 < 2 > 0)
print(sorted([3, 1.5, True, -2, 2**70, -0.5, False, 2.0]))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0), max(True, 1))
print(5 != 5.0, 5 != None, [1, 2] == [1.0, 2.0], (1, 2) < (1, 2.5), (1, 2**70) > (1, 2.0**70))
for a, b in [(3, 3), (3, 4), (4, 3), (-2**65, 2**65), (2**65, 2**65), (-1, -1.5)]:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b)
x = 10
print(0 < x <= 10, 0 < x < 10, x == 10 != 11, not 0 < x)
try:
    print(1 < "2")
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < 1)
except TypeError as e:
    print("TypeError:", e)
print(1 == "1", None == 0, 1 != "1")
