# object.__reduce_ex__ / __reduce__ / __getstate__ (the copy/pickle protocol of plain objects)
import copyreg


def show(r):
    parts = []
    for x in r:
        if callable(x) and hasattr(x, "__name__") and not isinstance(x, type):
            parts.append(x.__name__)
        elif x is not None and type(x).__name__.endswith("iterator"):
            parts.append(list(x))
        else:
            parts.append(x)
    return tuple(parts)


class P:
    def __init__(self):
        self.a = 1
        self.b = [2]


p = P()
print(show(p.__reduce_ex__(2)), show(p.__reduce_ex__(4)))
print(p.__getstate__(), P.__getstate__(P()) if False else "-", object().__getstate__())
r = p.__reduce_ex__(1)
print(r[0] is copyreg._reconstructor, r[1], r[2])
r = p.__reduce__()
print(r[0] is copyreg._reconstructor, r[1], r[2])


class Empty:
    pass


print(show(Empty().__reduce_ex__(2)), Empty().__getstate__())


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 10


s = Slotted()
print(s.__getstate__(), show(s.__reduce_ex__(3)))


class Args:
    def __init__(self, v):
        self.v = v

    def __getnewargs__(self):
        return (self.v,)


print(show(Args(7).__reduce_ex__(2)))


class ArgsEx:
    def __getnewargs_ex__(self):
        return (1,), {"k": 2}


print(show(ArgsEx().__reduce_ex__(2)))


class Custom:
    def __reduce__(self):
        return (Custom, ())


print(Custom().__reduce_ex__(2), Custom().__reduce_ex__(0))


class State:
    def __getstate__(self):
        return "custom state"


print(show(State().__reduce_ex__(2)))


class L(list):
    pass


class D(dict):
    pass


print(show(L([1, 2]).__reduce_ex__(2)), show(D(a=1).__reduce_ex__(2)))


class BadArgs:
    def __getnewargs__(self):
        return [1]


class BadArgsEx:
    def __getnewargs_ex__(self):
        return (1, 2, 3)


for obj in [BadArgs(), BadArgsEx()]:
    try:
        obj.__reduce_ex__(2)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(hasattr(object, "__reduce_ex__"), hasattr(object, "__reduce__"), hasattr(object, "__getstate__"))
