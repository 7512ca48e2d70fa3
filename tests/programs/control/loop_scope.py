# control: loop variables persist after loops, comprehension variables don't leak, rebinding during loops
for i in range(3):
    pass
print("after for:", i)
for i in range(10, 12):
    i = i * 100
print("rebinding inside body does not affect iteration:", i)
k = "before"
sq = [k for k in range(3)]
print(sq, "k still", k)
ks = {k: 1 for k in "ab"}
print(ks, k)
funcs = []
for n in range(3):
    funcs.append(lambda: n)
print([f() for f in funcs])
funcs = []
for n in range(3):
    funcs.append(lambda n=n: n)
print([f() for f in funcs])
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
total = 0
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    total += a * b + c
print(total, a, b, c)
for x, *rest in [(1, 2, 3), (4,)]:
    print(x, rest)
def g():
    for q in range(2):
        pass
    return q
print(g())
def h():
    try:
        return z
    except NameError as e:
        return str(e)
for z in []:
    pass
print(h())
