# types.GenericAlias (PEP 585): list[int] and friends, __class_getitem__, substitution
GA = type(list[int])
print(GA, list[int], dict[str, list[int]], tuple[int, ...], type[int], tuple[()])
print(list[[int, str]], dict[str, "Forward"], list[...], list[None], list[1])
print(set[int], frozenset[bytes], enumerate[str], BaseExceptionGroup[ValueError])
a = dict[str, int]
print(a.__origin__, a.__args__, a.__parameters__, a.__unpacked__, list[int].__args__)
print(list[int] == list[int], list[int] != list[str], list[int] == list, list[int] == (list,))
print(hash(list[int]) == hash(list[int]), hash(list[int]) == hash(list) ^ hash((int,)))
print(len({list[int], list[int], list[str]}))
print(list[int]([1, 2]), dict[str, int](a=1), tuple[int, ...]("ab"), set[int]())
print(list[int].append, list[int].__name__, list[int].__qualname__, list[int].__module__)
print(list[int].__class__ is GA, list[int].__mro__, list[int].__mro_entries__((1, 2)))
try:
    list[int].missing
except AttributeError as e:
    print(type(e).__name__, e)


class Local:
    pass


print(list[Local], dict[Local, list[Local]], Local | None)


# Subclassing a generic alias derives from its origin and records __orig_bases__.
class MyList(list[int]):
    pass


print(MyList.__bases__, MyList.__orig_bases__, MyList.__mro__, MyList([3, 4]))
print("__orig_bases__" in Local.__dict__)


class Multi(dict[str, int], Local):
    pass


print(Multi.__bases__, Multi.__orig_bases__)

# Recorded origin class on instances of user classes; ignored for built-ins.


class Box:
    def __class_getitem__(cls, item):
        return GA(cls, item)


b = Box[int]()
print(b.__orig_class__, Box[int], Box[int, str].__args__, type(Box[int]) is GA)


# __class_getitem__ is an implicit classmethod, inherited and bound to the subclass.
class Base:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"


class Derived(Base):
    pass


print(Base[int], Derived["x"], Derived[1, 2], Base.__dict__["__class_getitem__"].__class__.__name__)

# isinstance / issubclass refuse parameterized generics.
for f, args in [(isinstance, ([], list[int])), (issubclass, (list, list[int])),
                (isinstance, (1, (int, list[int]))), (isinstance, ("s", (int, list[int])))]:
    try:
        print(f(*args))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list[int].__instancecheck__([])
except TypeError as e:
    print(type(e).__name__, e)

# Non-generic classes.
for cls in (int, str, Local, object):
    try:
        cls[int]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    one = 1
    one[0]
except TypeError as e:
    print(type(e).__name__, e)

# Constructor.
print(GA(list, int), GA(dict, (str, int)), GA(list, ()), GA(Local, 3).__args__)
for args, kw in [((), {}), ((list,), {}), ((list, int, str), {}), ((list, int), {"x": 1})]:
    try:
        GA(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)

# Unpacking: *tuple[int] and iteration.
star = next(iter(tuple[int, str]))
print(star, star.__unpacked__, star.__typing_unpacked_tuple_args__, tuple[int].__typing_unpacked_tuple_args__)
print(star == next(iter(tuple[int, str])), star == tuple[int, str], [*list[int]])
print(list[int].__reduce__(), star.__reduce__()[0].__name__)


# Substitution with a minimal type variable (what typing.TypeVar provides).
class TV:
    def __init__(self, name):
        self.__name__ = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~" + self.__name__


T, S = TV("T"), TV("S")
print(list[T], list[T].__parameters__, dict[T, list[S]].__parameters__, dict[T, T].__parameters__)
print(list[T][int], dict[str, T][int], dict[T, list[S]][str, int], tuple[T, ...][bytes])
print(list[T][int] == list[int], dict[T, list[T]][int])
for item in [(int, str), ()]:
    try:
        print(list[T][item])
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list[int][int]
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict[T, S][int]
except TypeError as e:
    print(type(e).__name__, e)


# A class derived from GenericAlias (as collections.abc's callable alias).
class MyAlias(GA):
    def __new__(cls, origin, args):
        return super().__new__(cls, origin, args)

    def __repr__(self):
        return "MyAlias:" + super().__repr__()


m = MyAlias(list, (int,))
print(m, type(m).__name__, m.__origin__, m.__args__, m == list[int], isinstance(m, GA))
print(m([5]), m | None)

print(type[int] | None, type[int].__origin__ is type, type[int](3))
