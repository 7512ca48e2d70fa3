# set: in-place update/intersection_update/difference_update/symmetric_difference_update and |= &= -= ^=
s = {1, 2, 3}
print(s.update([4], (5,), range(6, 8)), s)
print(s.intersection_update([1, 2, 3, 4, 5, 6], {2, 3, 4, 5}), s)
print(s.difference_update([5], {4}), s)
print(s.symmetric_difference_update([3, 9]), s)
t = s
t |= {10, 11}
print(s, t is s)
t &= {2, 10, 11, 12}
print(sorted(s))
t -= {11}
print(sorted(s))
t ^= {2, 3}
print(s)
for f in [lambda: s.update(1), lambda: s.intersection_update(None)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
try:
    s |= [1]
except TypeError as e:
    print("TypeError:", e)
f = frozenset({1, 2})
g = f
f |= {3}
print(f, g, f is g, type(f).__name__)
u = set()
for i in range(20):
    u ^= {i % 7}
print(sorted(u))
