# `xs.append(x)` run inline by compiled code while the list has room: growth through the
# helper, a list whose only reference is on the stack, the result used as a value, list
# subclasses and other objects with an `append` at the same site.


class Log:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(("log", x))


class MyList(list):
    def append(self, x):
        super().append(x * 2)


def fill(xs, n):
    for i in range(n):
        xs.append(i)
    return xs


def as_value(xs):
    r = xs.append(1)
    return r, len(xs)


def fresh(n):
    out = 0
    for i in range(n):
        [].append(i)
        out += len([i])
    return out


def main():
    a = fill([], 100)
    print(len(a), sum(a), a[-3:])
    print(as_value([0]), fresh(20))
    print(fill(MyList(), 5), fill(Log(), 3).items)
    objs = [[], MyList(), Log(), []]
    for o in objs:
        fill(o, 4)
    print(objs[0], objs[1], objs[2].items, objs[3])
    try:
        fill((), 1)
    except AttributeError as e:
        print("AttributeError:", e)
    b = [1]
    for x in b:
        if x < 50:
            b.append(x * 3)
    print(b)


main()
