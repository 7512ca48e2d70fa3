# func: positional-only parameters (/), mixing with normal and keyword-only ones, and kwargs with the same names
def f(a, b, /, c, *, d):
    return a, b, c, d
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4))
for t in [lambda: f(1, b=2, c=3, d=4), lambda: f(a=1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=4)]:
    try:
        t()
    except TypeError as e:
        print("TypeError:", e)
def g(x, /, **kw):
    return x, kw
print(g(1, x=2), g(0, y=1, x="kw"))
def h(a, b=2, /, c=3):
    return a, b, c
print(h(1), h(1, 5), h(1, c=9), h(1, 2, 3))
try:
    h(1, b=5)
except TypeError as e:
    print("TypeError:", e)
def only(a, /):
    return a
try:
    only(a=1)
except TypeError as e:
    print("TypeError:", e)
try:
    only()
except TypeError as e:
    print("TypeError:", e)
print(only(7), h.__defaults__, f.__code__.co_posonlyargcount, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(divmod(7, 2), pow(2, 5), len([1]))
try:
    divmod(a=7, b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    len(obj=[1])
except TypeError as e:
    print("TypeError:", e)
