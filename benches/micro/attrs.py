"""Instance attribute loads/stores and method calls (LOAD_ATTR_INSTANCE_VALUE, STORE_ATTR_INSTANCE_VALUE, LOAD_ATTR_METHOD_WITH_VALUES)."""
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm1(self):
        return abs(self.x) + abs(self.y)
def main():
    p = Point(1, 2)
    t = 0
    for i in range(1_500_000):
        p.x = i
        p.y = p.x - 1
        t += p.norm1()
    print(t)
main()
