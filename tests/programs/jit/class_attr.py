# A class attribute (and a method) changed while a hot loop reads it through instances.
class Point:
    factor = 2

    def __init__(self, x):
        self.x = x

    def scaled(self):
        return self.x * self.factor

def run(points, n):
    s = 0
    i = 0
    while i < n:
        p = points[i % len(points)]
        s = s + p.scaled() + p.factor
        if i == n // 2:
            Point.factor = 5
        if i == (3 * n) // 4:
            Point.scaled = lambda self: -self.x
        i = i + 1
    return s

pts = [Point(k) for k in range(10)]
print(run(pts, 1000))
Point.factor = 0.5
print(run(pts, 1000))
del Point.scaled
try:
    run(pts, 10)
except AttributeError as e:
    print(type(e).__name__, e)

class Counter:
    count = 0

def bump(n):
    for _ in range(n):
        Counter.count = Counter.count + 1
    return Counter.count

print(bump(500))
Counter.count = 1.0
print(bump(500))
