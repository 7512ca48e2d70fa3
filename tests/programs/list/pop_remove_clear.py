# list: pop (default/negative/positive index), remove (first match, equality), clear, del, and their errors
a = list(range(10))
print(a.pop(), a.pop(0), a.pop(-2), a.pop(3), a)
a.remove(5)
print(a)
b = [1, 2.0, True, "1", 1, [1]]
b.remove(1)
print(b)
b.remove(True)
print(b)
b.remove([1])
print(b)
for f in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].pop(-2), lambda: [1].remove(2), lambda: [1].pop("0")]:
    try:
        f()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
c = [1, 2, 3]
d = c
c.clear()
print(c, d, c is d)
e = list(range(8))
del e[0]
del e[-1]
del e[2:4]
print(e)
del e[:]
print(e)
stack = []
for i in range(5):
    stack.append(i)
out = []
while stack:
    out.append(stack.pop())
print(out)
q = list("abcde")
order = []
while q:
    order.append(q.pop(0))
print(order)
nan = float("nan")
n = [nan, 1]
n.remove(nan)
print(n)
