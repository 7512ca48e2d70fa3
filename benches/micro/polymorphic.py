"""One attribute site seeing two classes (deopt/respecialize churn, generic attribute path)."""
class A:
    def __init__(self):
        self.v = 1
class B:
    def __init__(self):
        self.w = 0
        self.v = 2
def main():
    objs = [A(), B()] * 1000
    t = 0
    for _ in range(600):
        for o in objs:
            t += o.v
    print(t)
main()
