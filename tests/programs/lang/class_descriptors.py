# lang (phase 3): data/non-data descriptors, __set_name__, lookup precedence between descriptors and instance dict
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int, got {type(value).__name__}")
        setattr(obj, self.name, value)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Rec:
    age = Typed()
    label = NonData()
r = Rec()
print(r.age, type(Rec.age).__name__)
r.age = 5
print(r.age, sorted(vars(r)))
try:
    r.age = "old"
except TypeError as e:
    print("TypeError:", e)
print(r.label)
r.label = "instance wins"
print(r.label, Rec.label)
class Lazy:
    def __init__(self, fn):
        self.fn = fn
    def __get__(self, obj, cls):
        v = self.fn(obj)
        obj.__dict__[self.fn.__name__] = v
        return v
class Data:
    calls = 0
    @Lazy
    def expensive(self):
        Data.calls += 1
        return 42
d = Data()
print(d.expensive, d.expensive, Data.calls)
