# builtins: type() of many values prints <class '...'>, type(type), type comparisons and __name__
vals = [1, -1, 2**100, 1.5, 1j, True, None, "s", b"b", bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1),
        len, print, abs, lambda: 0, iter([]), iter(()), iter(""), iter({}), iter(set()), iter(range(1)), map(abs, []),
        filter(None, []), zip(), enumerate([]), reversed([]), {}.keys(), {}.values(), {}.items(), ..., NotImplemented,
        ValueError(), type, object(), int, "".join, [].append, (1).__add__, str.upper]
for v in vals:
    print(type(v))
print(type(1) is int, type(True) is bool, type(True) == int, type(1.0) in (int, float), type(type(1)) is type)
print(type(1).__name__, type("").__qualname__, type(None).__name__, type(len).__name__, type(...).__name__)
print(int, str, type, object, bool, type(None), ValueError)
def f():
    pass
print(type(f), type(f.__code__))
try:
    type()
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
