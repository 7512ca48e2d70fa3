# lang (phase 3): container protocol dunders: __len__, __getitem__ (ints and slices), __setitem__, __delitem__, __contains__, __iter__
class Bag:
    def __init__(self, items=()):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Bag(self.items[i])
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __repr__(self):
        return f"Bag({self.items})"
b = Bag("abcde")
print(len(b), b[0], b[-1], b[1:3], "c" in b, "z" in b, list(b), bool(b), bool(Bag()))
b[0] = "A"
del b[1]
print(b, sorted(b, reverse=True), [x * 2 for x in b], max(b), "".join(b))
try:
    b[10]
except IndexError as e:
    print("IndexError:", e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), list(reversed([*Seq()])))
class Truthy:
    def __len__(self):
        return 0
print(bool(Truthy()), "empty" if not Truthy() else "full")
class Mapping:
    def __getitem__(self, k):
        return k.upper()
    def keys(self):
        return ["a", "b"]
print(dict(Mapping()), {**Mapping()})
