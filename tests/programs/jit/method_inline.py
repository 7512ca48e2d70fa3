# `obj.m(...)` with the class and method the site had at compile time inline: another class
# at the site, an instance whose dict shadows the method, a method replaced on the class (or
# on a base), a set subclass that overrides `add`, and a missing method all leave the inline
# path with the same results and errors as the attribute op.


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n

    def run(self, times):
        total = 0
        for i in range(times):
            total += self.bump(i)
        return total


class Other:
    def bump(self, k):
        return -k


def call_bump(objs, k):
    out = []
    for o in objs:
        try:
            out.append(o.bump(k))
        except AttributeError as e:
            out.append("AttributeError: " + str(e))
    return out


def fill(s, items):
    for x in items:
        s.add(x)
    return sorted(s)


class LoudSet(set):
    def add(self, x):
        super().add(x * 10)


def main():
    c = Counter()
    for _ in range(30):
        c.run(5)
    print(c.n, c.run(10))

    objs = [Counter() for _ in range(3)]
    for _ in range(40):
        call_bump(objs, 2)
    print(call_bump(objs, 1))
    # Another class at the site, then one without the method.
    print(call_bump([Counter(), Other(), Counter(), 5, None], 3))

    # An instance attribute shadows the method: the site must not call the class's.
    shadow = Counter()
    shadow.bump = lambda k: "shadowed %d" % k
    print(call_bump([Counter(), shadow, Counter()], 4))

    # The method replaced on the class after the site was compiled.
    def new_bump(self, k):
        return "new %d" % k

    Counter.bump = new_bump
    print(call_bump(objs, 5))
    try:
        Counter().run(3)
    except TypeError as e:
        print("TypeError:", e)

    # A method on a builtin type (no instance dict), then a subclass overriding it.
    for _ in range(40):
        fill(set(), range(5))
    print(fill(set(), [3, 1, 2]))
    print(fill(LoudSet(), [3, 1, 2]))
    print(fill(LoudSet([5]), [7]))
    try:
        fill([], [1])
    except AttributeError as e:
        print("AttributeError:", e)


main()
