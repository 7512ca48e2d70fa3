# lang (phase 3): class patterns: positional via __match_args__, keyword attributes, builtin type patterns, nested
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center = center
        self.r = r
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x=0 | 1 as x, y=y):
            return f"x is {x}, y {y}"
        case Point(x, y) if x == y:
            return "diagonal"
        case Circle(Point(0, 0), r=r):
            return f"centered circle r={r}"
        case Circle(c, r) if r > 10:
            return "big circle"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case Point():
            return "some point"
        case _:
            return "unknown"
for v in [Point(0, 0), Point(0, 5), Point(1, 7), Point(3, 3), Point(4, 5), Circle(Point(0, 0), 2), Circle(Point(1, 1), 20),
          Circle(Point(1, 1), 1), 5, 2.5, "s", None]:
    print(type(v).__name__, "->", where(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
