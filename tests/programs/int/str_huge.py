# int: str()/repr() of huge ints, and the 4300-digit int<->str conversion limit of 3.12
import sys
x = 7 ** 1000
s = str(x)
print(len(s), s[:25], s[-25:], repr(x) == s)
print(str(-x)[:10], len(str(-x)))
print(str(10**4299)[:3], len(str(10**4299)))
y = 10 ** 4300
try:
    str(y)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(len(str(int("9" * 4300))))
print(hex(y)[:12], len(hex(y)))  # power-of-two bases are not limited
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(y)))
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 7000)))
try:
    sys.set_int_max_str_digits(10)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(4300)
print(int("-" + "1" * 4300) < 0)
print(str(2**64), str(-2**64), str(2**63 - 1), str(-2**63))
for k in [1, 9, 10, 11, 99, 100, 101, 999999999999999999, 10**18, 10**19]:
    print(k, -k, str(k * 10**20 + k))
