# lang (phase 3): subclassing builtin types (list, dict, int, str) and which methods return the subclass
class Stack(list):
    def push(self, v):
        self.append(v)
        return self
    def peek(self):
        return self[-1]
s = Stack([1, 2]).push(3)
print(s, s.peek(), len(s), type(s).__name__, type(s + [4]).__name__, type(s[:1]).__name__, isinstance(s, list))
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
d = DefaultDict(a=1)
print(d["a"], d["hello"], d, d.get("zz"), "zz" in d)
class Meters(int):
    def __repr__(self):
        return f"{int(self)}m"
m = Meters(5)
print(m, repr(m), m + 1, type(m + 1).__name__, m * 2, isinstance(m, int), Meters(3) == 3, hash(Meters(3)) == hash(3))
class Shout(str):
    def shout(self):
        return self.upper() + "!"
x = Shout("hey")
print(x.shout(), x + "you", type(x + "you").__name__, type(x.upper()).__name__, x == "hey", len(x))
class Ordered(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
o = Ordered()
o["x"] = 1
o.update(y=2)
print(o)
