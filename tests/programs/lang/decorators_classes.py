# lang (phase 3): class decorators, decorators on methods (incl. with property/classmethod), decorator classes with state
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class P:
    def __init__(self, a, b):
        self.a, self.b = a, b
print(P(1, "x"))
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls, type(square).__name__)
def logged(fn):
    def w(self, *a):
        return f"{fn.__name__}{a} -> {fn(self, *a)}"
    return w
class Calc:
    @logged
    def add(self, a, b):
        return a + b
    @classmethod
    @logged
    def make(cls, v):
        return v
print(Calc().add(2, 3), Calc.make(7))
registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco
@register("circle")
class Circle:
    pass
@register("square")
class Square:
    pass
print(sorted(registry), registry["circle"] is Circle)
