# func: comprehension scoping: own scope for the loop variable, first iterable evaluated outside, closures over it
x = "outer x"
r = [x for x in range(3)]
print(r, x)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
def g():
    funcs = [lambda: i for i in range(3)]
    return [fn() for fn in funcs]
print(g())
def h():
    data = [1, 2, 3]
    return [[d * m for d in data] for m in range(2)]
print(h())
def first_iter_outside():
    n = 3
    return [(i, j) for i in range(n) for j in range(i)]
print(first_iter_outside())
def uses_enclosing():
    base = 100
    return {k: base + k for k in range(3)}, {base - k for k in range(3)} == {100, 99, 98}
print(uses_enclosing())
def shadow_param(i):
    return [i for i in range(i)], i
print(shadow_param(4))
try:
    def bad():
        return [z for z in range(3)], z
    bad()
except NameError as e:
    print("NameError:", e)
def walrus_leaks():
    [(last := v) for v in "abc"]
    return last
print(walrus_leaks())
def nested_reuse():
    return [[i for i in range(i)] for i in range(4)]
print(nested_reuse())
print([i for i in range(3)] + [i for i in range(3, 5)])
