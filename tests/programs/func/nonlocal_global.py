# func: global and nonlocal declarations, shadowing, UnboundLocalError from a later assignment, globals() effects
g = "global"
def read_global():
    return g
def shadow():
    g = "local"
    return g
def write_global():
    global g
    g = "rewritten"
    return g
print(read_global(), shadow(), g, write_global(), g)
def create_global():
    global brand_new
    brand_new = 42
create_global()
print(brand_new, "brand_new" in globals())
def unbound():
    try:
        print(g)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    g = 1
    return g
print(unbound())
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
            return x
        return inner()
    r = mid()
    return r, x
print(outer())
def counter():
    count = 0
    def bump():
        nonlocal count
        count += 1
    for _ in range(5):
        bump()
    return count
print(counter())
def nonlocal_vs_global():
    g = "enclosing"
    def f():
        global g
        return g
    def h():
        nonlocal g
        g = "changed enclosing"
    h()
    return f(), g
print(nonlocal_vs_global(), g)
def del_global():
    global temp
    temp = 1
    del temp
del_global()
print("temp" in globals())
def loop_global():
    global total
    total = 0
    for i in range(5):
        total += i
loop_global()
print(total)
x = 0
def aug():
    try:
        global x
        x += 1
    finally:
        pass
aug()
aug()
print(x)
