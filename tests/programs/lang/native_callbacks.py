# Python functions called from native code (key functions, map, filter, sorted, min/max,
# dunder methods) with exactly their positional parameters, and with the binding rules
# (defaults, keywords, *args, keyword-only, wrong counts).


def captured(x):
    def inner():
        return x * 2          # x is a cell
    return inner()


def gen(n):
    yield n
    yield -n


def with_default(a, b=10):
    return a + b


def star(*xs):
    return len(xs)


def kwonly(a, *, k=1):
    return a * k


def posonly(a, /, b):
    return a - b


print(sorted([3, 1, 2], key=lambda v: -v))
print(list(map(captured, [1, 2, 3])))
print([list(g) for g in map(gen, [1, 2])])
print(list(map(with_default, [1, 2])), list(map(with_default, [1, 2], [3, 4])))
print(list(map(star, [1, 2])), list(map(kwonly, [3])), list(map(posonly, [5], [2])))
print(list(filter(lambda v: v % 2, range(10))), min([3, -7, 5], key=abs), max("abc", key=ord))
try:
    list(map(posonly, [1]))
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], key=lambda a, b: a)
except TypeError as e:
    print("TypeError:", e)


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return self.v == other.v


print([k.v for k in sorted([Key(3), Key(1), Key(2)])], len({Key(1), Key(1), Key(2)}))
