# types.UnionType (PEP 604): int | str, flattening, dedup, isinstance/issubclass with unions
U = type(int | str)
print(U, int | str, int | None, None | int, int | str | int, int | int, type(int | int))
print((int | str).__args__, (int | None).__args__, (int | str | bytes).__args__, ((int | str) | (bytes | int)).__args__)
print(int | list[int] | None, list[int] | None, dict[str, int] | list[int], str | list[int] | list[int])
print(type(None) | int, (None | int).__args__, int | str | None | type(None))


class Local:
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


print(Local | int, int | Local, WithMeta | None, (Local | WithMeta).__args__)
print((int | str) == (str | int), (int | str) != (int | bytes), (int | str) == (int | str | int))
print((int | str) == int, (int | str) == (int, str), hash(int | str) == hash(str | int))
print(hash(int | str) == hash(frozenset((int, str))), len({int | str, str | int, int | bytes}))
print((int | str).__parameters__, type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 3))
print(list[int].__or__(None))

# isinstance / issubclass accept unions like tuples.
print(isinstance(1, int | str), isinstance("a", int | str), isinstance(b"", int | str))
print(isinstance(None, int | None), isinstance([], int | list), isinstance(True, str | int))
print(issubclass(bool, str | int), issubclass(int, str | None), issubclass(type(None), int | None))
print(isinstance(1, (str, int | bytes)), isinstance(1, int | list[int]), issubclass(Local, Local | int))
for f, args in [(isinstance, (1, list[int] | int)), (issubclass, (int, list[int] | int)),
                (issubclass, (1, int | str)), (isinstance, (1, 3)), (issubclass, (int, 3)),
                (isinstance, (1, (int | str, 3)))]:
    try:
        print(f(*args))
    except TypeError as e:
        print(type(e).__name__, e)

# Operands that do not make unions.
for a, b in [(int, "str"), ("str", int), (int, 3), (3, int), (None, None), (int, ...), (list[int], 3),
             (int | str, 1)]:
    try:
        print(a | b)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    U()
except TypeError as e:
    print(type(e).__name__, e)
try:
    (int | str)[int]
except TypeError as e:
    print(type(e).__name__, e)


# Substitution with a minimal type variable.
class TV:
    def __init__(self, name):
        self.__name__ = name

    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~" + self.__name__

    def __or__(self, other):
        return U.__or__(int, other) if False else NotImplemented


T = TV("T")
u = list[T] | int
print(u, u.__parameters__, u[str], u[bytes].__args__, (list[T] | dict[str, T])[int])
try:
    u[3, 4]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (list[T] | int)[...]
except TypeError as e:
    print(type(e).__name__, e)


# A metaclass __or__ takes precedence; a class's own __or__ is for instances.
class OrMeta(type):
    def __or__(cls, other):
        return "OrMeta.__or__"


class Flagged(metaclass=OrMeta):
    pass


class Inst:
    def __or__(self, other):
        return "Inst.__or__"


print(Flagged | int, int | Flagged, Inst() | 1, Inst | int)
