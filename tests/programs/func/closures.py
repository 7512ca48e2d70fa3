# func: closures capture variables (not values), share cells between inner functions, outlive the frame
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    def get():
        return n
    return inc, get
inc, get = make_counter()
inc2, get2 = make_counter()
print(inc(), inc(), get(), inc2(), get(), get2())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]
early, late = make_adders()
print([f(10) for f in early], [f(10) for f in late])
def outer():
    x = "first"
    def show():
        return x
    x = "second"
    return show
print(outer()())
def multiplier(k):
    def mul(v):
        return v * k
    return mul
double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), double("ab"), [multiplier(m)(m) for m in range(4)])
def cells():
    a = 1
    b = 2
    def f():
        return a + b
    return f
c = cells()
print(c(), len(c.__closure__), [cell.cell_contents for cell in c.__closure__], c.__code__.co_freevars)
print(double.__closure__[0].cell_contents, outer.__closure__)
def deep():
    v = 1
    def l1():
        def l2():
            def l3():
                return v * 100
            return l3
        return l2
    return l1
print(deep()()()())
def acc():
    items = []
    def add(x):
        items.append(x)
        return list(items)
    return add
a = acc()
a(1)
print(a(2), a(3))
