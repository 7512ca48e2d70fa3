"""A small vector class with __add__ / __mul__ / __init__: operator dispatch to Python methods
(BINARY_OP through the type's slot, a Python frame per dunder call) and instance creation."""
class V:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)

    def __mul__(self, k):
        return V(self.x * k, self.y * k)


def main():
    a = V(0.0, 0.0)
    d = V(0.5, 0.25)
    for i in range(300_000):
        a = a + d * 0.5
    print(a.x, a.y)
main()
