# lang (phase 3): __slots__ restrictions, __getattr__ fallback, __setattr__/__delattr__ hooks, getattr/setattr on instances
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.b
except AttributeError as e:
    print("AttributeError:", e)
class Dyn:
    def __init__(self):
        self.real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(f"no {name}")
d = Dyn()
print(d.real, d.x_hello, getattr(d, "x_y"), hasattr(d, "zzz"), getattr(d, "zzz", "dflt"))
class Logged:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(("set", name, value))
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)
l = Logged()
l.x = 1
l.y = 2
del l.x
setattr(l, "z", 3)
print(l.log, sorted(vars(l)))
class Guard:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("hidden")
        return object.__getattribute__(self, name)
g = Guard()
g.secret = 1
g.visible = 2
print(g.visible, hasattr(g, "secret"))
