# func: del on local/global names (then NameError/UnboundLocalError), list items/slices, dict keys, multiple targets
x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
def f():
    y = 5
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
def g():
    try:
        del never_assigned
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
    never_assigned = 1
print(g())
try:
    del undefined_global_name
except NameError as e:
    print("NameError:", e)
lst = list(range(10))
del lst[0], lst[-1]
del lst[1:3]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["a"], d["c"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
a = b = [1, 2]
del a
print(b)
n = [[1, 2], [3, 4]]
del n[0][0], n[1]
print(n)
def h():
    v = 1
    def inner():
        return v
    del v
    try:
        return inner()
    except NameError as e:
        return "NameError: " + str(e)
print(h())
p, q = 1, 2
del (p, q)
print("p" in globals(), "q" in globals())
for i in range(2):
    pass
del i
try:
    i
except NameError as e:
    print("NameError:", e)
def fn():
    pass
fn.attr = 1
del fn.attr
try:
    del fn.attr
except AttributeError as e:
    print("AttributeError:", e)
