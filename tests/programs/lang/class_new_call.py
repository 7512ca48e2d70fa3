# lang (phase 3): __new__ vs __init__, singletons, __call__ objects, __init_subclass__, class attributes via type()
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            cls._inst.created = 0
        cls._inst.created += 1
        return cls._inst
print(Single() is Single(), Single().created)
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more):
        return x + self.n + sum(more)
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), callable(add5), list(map(add5, [0, 10])))
registry = []
class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append(name or cls.__name__)
class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
print(registry)
Dynamic = type("Dynamic", (object,), {"x": 1, "double": lambda self: self.x * 2})
print(Dynamic.__name__, Dynamic().double(), type(Dynamic).__name__)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__, isinstance(Tagged, Meta))
class IntLike(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(IntLike(21), type(IntLike(1)).__name__, IntLike(3) + 1)
