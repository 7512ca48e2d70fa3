# builtins: globals()/locals()/vars(): reading, writing globals via the dict, locals snapshots in functions
gx = 10
g = globals()
print(g["gx"], "gx" in g, g["__name__"], type(g).__name__)
g["created_via_globals"] = "hi"
print(created_via_globals)
def f(a, b=2):
    c = a + b
    snapshot = locals()
    return sorted(snapshot.items())
print(f(1))
def g2():
    x = 1
    loc = locals()
    loc["x"] = "changed in dict only"
    return x
print(g2())
def h():
    return sorted(locals())
print(h())
def fn():
    pass
fn.attr = 5
print(vars(fn), vars(fn) is fn.__dict__)
print(locals() is globals(), vars() is globals())
for bad in [1, "s", [1]]:
    try:
        vars(bad)
    except TypeError as e:
        print("TypeError:", e)
def modifies():
    globals()["gx"] = 99
modifies()
print(gx)
print(sorted([k for k in globals() if not k.startswith("_")]))
