# set: add/remove/discard/pop/clear and the KeyError for remove/pop, pop order on small ints
s = set()
for i in [5, 3, 6, 3, 1]:
    s.add(i)
print(s, len(s))
s.remove(3)
s.discard(3)
s.discard(100)
print(s)
try:
    s.remove(3)
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    s.remove([1])
except TypeError as e:
    print("TypeError:", e)
try:
    s.discard({1})
except TypeError as e:
    print("TypeError:", e)
print(s.discard(frozenset()), s.add(1), s)
popped = []
t = {4, 2, 7, 0}
while t:
    popped.append(t.pop())
print(popped, t)
try:
    t.pop()
except KeyError as e:
    print("KeyError:", e, e.args)
u = {1, 2, 3}
v = u
u.clear()
print(u, v, len(v))
w = set(range(100))
for i in range(0, 100, 3):
    w.remove(i)
print(len(w), sorted(w)[:10], 3 in w, 4 in w)
fs = frozenset([1])
for name in ["add", "remove", "discard", "pop", "clear", "update"]:
    print(name, hasattr(fs, name))
