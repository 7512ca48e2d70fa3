# lang (phase 3): class statements: instance/class attributes, methods, __init__, attribute lookup order, __dict__
class Point:
    """A 2D point."""
    dims = 2
    count = 0

    def __init__(self, x, y=0):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(3, 4)
q = p.moved(1, 1)
print(p.x, p.y, p.norm2(), q.x, q.y, Point.count, p.dims, Point.dims, Point.__doc__, Point.__name__, Point.__qualname__)
print(sorted(p.__dict__.items()), type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(p, object))
p.dims = 3
print(p.dims, Point.dims, q.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, q.dims)
p.extra = "dynamic"
print(p.extra, hasattr(q, "extra"))
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2, Point.norm2(q))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
e = Empty()
print(type(e).__name__, Empty.__bases__, Empty.__mro__, e.__class__ is Empty, bool(e))
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
c = Counter().inc().inc().inc()
print(c.n)
