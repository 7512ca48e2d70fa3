# lang (phase 3): sorting/comparing user objects: __lt__ only, __eq__ defaults to identity, key functions, min/max
class Item:
    def __init__(self, name, price):
        self.name = name
        self.price = price
    def __lt__(self, other):
        return (self.price, self.name) < (other.price, other.name)
    def __repr__(self):
        return f"{self.name}:{self.price}"
items = [Item("b", 3), Item("a", 3), Item("c", 1), Item("d", 2)]
print(sorted(items), sorted(items, reverse=True), min(items), max(items))
print(sorted(items, key=lambda i: i.name), Item("x", 1) > Item("y", 0))
try:
    Item("x", 1) <= Item("y", 2)
except TypeError as e:
    print("TypeError:", e)
a = Item("same", 1)
b = Item("same", 1)
print(a == b, a == a, a != b, a in [b], a in [a])
class Rev:
    def __init__(self, v):
        self.v = v
    def __gt__(self, other):
        return self.v < other.v
    def __repr__(self):
        return f"R{self.v}"
print(sorted([Rev(1), Rev(3), Rev(2)]))
