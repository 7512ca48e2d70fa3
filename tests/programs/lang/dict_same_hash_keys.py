# A str looked up in a dict that holds another key with the same hash which is not an exact
# str (a str subclass or any object whose __eq__ says equal): only that key's __eq__ can
# answer, so `in`, `get` and `[]` must call it, in every tier and after specialization.


class Loose(str):
    def __eq__(self, other):
        return True

    def __hash__(self):
        return hash("apple")


class AnyKey:
    def __eq__(self, other):
        return other == "pear"

    def __hash__(self):
        return hash("pear")


def probe(d, keys):
    out = []
    for k in keys:
        out.append((k in d, d.get(k), d.get(k, 0), d[k] if k in d else None))
    return out


def main():
    plain = {"x": 1, "y": 2}
    for _ in range(50):
        probe(plain, ["x", "z"])
    print(probe(plain, ["x", "z"]))
    print(probe({Loose("k"): 9}, ["apple", "k", "plum"]))
    print(probe({AnyKey(): 7, "fig": 3}, ["pear", "fig", "kiwi"]))


main()
