# lang (phase 3): class-body scoping: names in the class body aren't visible in methods or comprehensions' inner scopes
x = "global"
class C:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [x for _ in range(1)]
    except NameError as e:
        bad = str(e)
print(C.y, C().method(), C.doubled, C.bad)
def factory(tag):
    class Local:
        label = tag
        def get(self):
            return tag + "/" + self.label
    return Local
L1, L2 = factory("a"), factory("b")
print(L1().get(), L2().get(), L1.__qualname__, L1 is L2)
class Outer:
    class Inner:
        value = 1
    def make(self):
        return self.Inner()
print(Outer.Inner.__qualname__, Outer().make().value)
def counter_class():
    count = 0
    class K:
        def inc(self):
            nonlocal count
            count += 1
            return count
    return K
K = counter_class()
k = K()
print(k.inc(), k.inc(), K().inc())
class UsesSuper:
    def __init__(self):
        self.cls = __class__.__name__
print(UsesSuper().cls)
