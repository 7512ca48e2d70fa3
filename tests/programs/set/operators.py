# set: | & - ^ and comparison operators (<= < >= > == !=) between sets and frozensets; result types
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a | set(), a & set(), a - a, a ^ a)
print(a <= b, a < a, a <= a, {1, 2} < a, {1, 2} <= a, a > {1}, a >= a, a > a, set() < a, a == {4, 3, 2, 1}, a != b)
fa = frozenset(a)
print(type(a | fa).__name__, type(fa | a).__name__, type(fa & b).__name__, type(fa - a).__name__, type(b ^ fa).__name__)
print(fa | b, fa & b, fa - b, fa ^ b, fa == a, a == fa, fa <= a, fa < a | {9})
for f in [lambda: a | [1], lambda: a & "ab", lambda: a - (1,), lambda: a ^ None, lambda: a < [1], lambda: [1] | a]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)
print({1, 2} | {2, 3} | {4}, {1, 2, 3} & {2, 3} & {3}, {1, 2, 3} - {1} - {2}, {1, 2} ^ {2, 3} ^ {3, 4})
print(a == [1, 2, 3, 4], a != (1,), {1} == frozenset({1}))
x = {0, 1, 2}
y = x
x = x | {3}
print(x, y, x is y)
