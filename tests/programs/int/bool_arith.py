# int: bool is an int subclass: arithmetic, results' types, sums and indexing with bools
t, f = True, False
print(t + t, t - f, t * 10, f * 10, t / 2, t // 2, t % 2, -t, +t, ~int(t), ~int(f))
print(type(t + t), type(t * 1), type(-t), type(t / 1), type(abs(f)))
print(t ** 10, f ** 0, 2 ** t, 10 ** f)
print(sum([True, True, False, True]), sum([t] * 100), type(sum([True, False])))
print(t == 1, f == 0, t is True, (1 == 1) is True, t + 0 is True)
print(int(t), int(f), float(t), str(t), repr(f), str(t + 0))
print(isinstance(t, int), isinstance(1, bool), issubclass(bool, int))
lst = ["a", "b", "c"]
print(lst[t], lst[f], lst[-t], "xy"[True])
print(divmod(t, t), t << 5, t >> 1, t | 4, f ^ t)
print(t and 5, f and 5, t or 5, f or 5, not t, not f)
print([x for x in range(10) if (x % 3 == 0) + (x % 2 == 0) == 1])
count = 0
for x in range(20):
    count += x % 3 == 1
print(count)
print(hash(True) == hash(1), hash(False) == hash(0))
d = {1: "one", True: "true", 0: "zero", False: "false"}
print(d, len(d))
print(bool(0), bool(1), bool(-1), bool(2**70), bool(0.0), bool(-0.0), bool(""), bool("0"))
print(bool([]), bool([0]), bool(()), bool({}), bool(None), bool(range(0)), bool(range(1)))
print(True.real, True.imag, True.numerator, True.denominator, True.bit_length())
print(f"{True:d}", f"{True}", f"{True!r}", f"{True:5}", f"{False:>6}", format(True, ""), format(False, "x"))
print(max(True, False), min([True, 2, 0.5]), sorted([True, False, 0, 1, -1]))
print(True + 0.5, False - 1.5, True * 2.5)
