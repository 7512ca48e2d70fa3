# control: for/else (else runs unless break), loops over many iterables, loop variable after the loop
for x in [1, 2, 3]:
    pass
else:
    print("for completed, x =", x)
for x in []:
    print("never")
else:
    print("empty for still runs else")
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, int(n ** 0.5) + 1):
        if n % d == 0:
            break
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
for i, ch in enumerate("hello"):
    if ch == "l":
        print("first l at", i)
        break
else:
    print("no l")
for ch in "xyz":
    if ch == "l":
        break
else:
    print("no l in xyz")
for k in {"a": 1, "b": 2}:
    print(k, end=" ")
for k, v in {"a": 1, "b": 2}.items():
    print(k, v, end=" ")
for b in b"AB":
    print(b, end=" ")
for t in (1, "two"), (3, "four"):
    print(t, end=" ")
print()
for i in range(3):
    for j in range(3):
        if j == 2:
            break
    else:
        print("inner else never")
    print("outer", i, j)
else:
    print("outer else", i)
i = "unchanged"
for i in range(0):
    pass
print(i)
for i in range(5):
    if i == 2:
        continue
    print("i", i)
else:
    print("else after continue-only loop")
lst = [1, 2, 3]
for lst[0] in [10, 20]:
    pass
print(lst)
d = {}
for d["key"] in "ab":
    pass
print(d)
