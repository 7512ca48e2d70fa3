# tuple: nested tuples, tuples holding mutable lists (contents can change), repr of nested/empty forms
t = ((1, 2), (3, (4, (5,))), [], ())
print(t, t[1][1][1][0], len(t[1]), t[2], t[3])
t[2].append("mutated")
print(t, t[2])
try:
    t[2] += ["more"]
except TypeError as e:
    print("TypeError:", e)
print(t[2])
grid = tuple([tuple([r * 3 + c for c in range(3)]) for r in range(3)])
print(grid, grid[2][1], [row[1] for row in grid], tuple(zip(*grid)))
flat = tuple([x for row in grid for x in row])
print(flat, sum(flat), flat[::4])
deep = ()
for i in range(5):
    deep = (i, deep)
print(deep)
print(repr(((),)), repr(((1,),)), repr((("a",), "b")), str((1.5, None, True)))
(a, b), (c, d) = (1, 2), (3, 4)
print(a, b, c, d)
records = (("ann", 31, ("x", "y")), ("bob", 25, ()))
for name, age, tags in records:
    print(name, age, len(tags), tags)
