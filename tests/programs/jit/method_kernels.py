# set.add / set.discard / set.remove, list.pop() and dict.get called from compiled code through their
# kernels: inline keys on sets of inline values, and everything the kernels leave to the
# methods (heap keys, unhashable keys, missing keys, empty lists, subclasses, other callables
# at the same site) with CPython's results and errors.


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        return other == self.v


class LoudSet(set):
    def add(self, x):
        super().add(("loud", x))


class Stack(list):
    def pop(self):
        return "popped " + str(super().pop())


def churn(s, keys):
    for k in keys:
        s.add(k)
    for k in keys[::2]:
        s.discard(k)
    for k in keys[1::2]:
        try:
            s.remove(k)
        except KeyError as e:
            print("KeyError:", e)
        except TypeError as e:
            print("TypeError:", e)
    return s


def drain(xs):
    out = []
    while True:
        try:
            out.append(xs.pop())
        except IndexError as e:
            out.append("IndexError: " + str(e))
            return out


class Loose(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return hash("apple")


class Counts(dict):
    def get(self, k, d=None):
        return ("sub", k)


def lookups(d, keys):
    out = []
    for k in keys:
        try:
            out.append((d.get(k), d.get(k, 0)))
        except TypeError as e:
            out.append("TypeError: " + str(e))
    return out


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def main():
    d = {"apple": 1, "a" * 20: 2, 3: "three", None: 4}
    for _ in range(10):
        lookups(d, ["apple", "pear"])
    print(lookups(d, ["apple", "pear", "a" * 20, 3, None, Loose("x"), [1], 2.0]))
    print(lookups(Counts(d), ["apple"]), lookups({Loose("k"): 9}, ["apple", "k"]))
    print(count("the cat and the hat and the bat".split()))
    for _ in range(10):
        churn(set(), list(range(-70, 70)))
    print(sorted(churn(set(), list(range(-70, 70)) + [5, 5])))
    print(sorted(churn({1, 2, 3}, ["a", "b", 2, 2.5, "a" * 30, 10**30, True, None])))
    s = {1.0, 2, "x"}
    churn(s, [1, 2.0, "x", "y"])
    print(sorted(s, key=repr))
    print(sorted(churn(set(), [Key(1), 1, Key(2), 3]), key=repr))
    try:
        churn(set(), [[1], 1])
    except TypeError as e:
        print("TypeError:", e)
    print(sorted(churn(LoudSet(), [1, 2, 3]), key=repr))
    s = {3}
    s.remove(3)
    try:
        churn(s, [4, 5])
    except KeyError as e:
        print("KeyError", e)
    for _ in range(10):
        drain(list(range(5)))
    print(drain([1, "a", 2.5, None]), drain([]), drain(Stack([1, 2])))
    xs = [0, 1, 2]
    print(xs.pop(0), xs)
    print(churn(frozenset(), []) if False else "ok")


main()
