# for-loops over ranges, lists and tuples run in compiled code: steps, break/else, nesting,
# None checks, and iterators that are not ranges/lists/tuples at the same site.
def over(it):
    total = 0
    n = 0
    for x in it:
        if x is None:
            continue
        if x is not None and x == -1:
            break
        total = total + x
        n = n + 1
    else:
        n = n + 1000
    return total, n

print(over(range(1000)))
print(over(range(10, -500, -3)))
print(over(range(-(2**62), -(2**62) + 3000, 7)))
print(over([1, 2, None, 3] * 200))
print(over((4, None, 5) * 300))
print(over([1, 2, -1, 5]))
print(over(x for x in range(50)))
print(over({1: 2, 3: 4}))
print(over(iter([7, 8, 9])))
for it in [range(300), [1] * 300, (2,) * 300, range(0), [], (), "ab"]:
    try:
        print(over(it))
    except TypeError as e:
        print(type(e).__name__, e)

def nested(n):
    out = 0
    for i in range(n):
        for j in range(i):
            out = out + j
        for k in [i, i + 1]:
            out = out - k
    return out

print(nested(200))

def swaps(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(swaps(90), swaps(200))

def truthy(xs):
    c = 0
    for x in xs:
        if x:
            c = c + 1
        if not x:
            c = c + 100
    return c

print(truthy([0, 1, True, False, "", "a", None, [], [0], 0.0, 2.5] * 50))

def deleted_local(n):
    for i in range(n):
        y = i
        if i == n - 1:
            del y
        try:
            print(y) if i >= n - 2 else None
        except UnboundLocalError as e:
            print(type(e).__name__, e)

deleted_local(300)
