# builtins: isinstance/issubclass with tuples, nested tuples, bool/int relationships; callable() on many values
checks = [(1, int), (True, int), (1, bool), (1.0, int), (1, float), ("s", str), (b"b", bytes), (b"b", str), ([], list),
          ((), tuple), ({}, dict), (None, type(None)), (1, (str, int)), (1, (str, (float, int))), (1, ()), (int, type),
          (type, type), (type, object), (1, object), (None, object), (len, object), (ValueError(), Exception),
          (ValueError, Exception), (ValueError, type)]
for v, t in checks:
    print(repr(v) if not isinstance(v, type) else v.__name__, t if isinstance(t, tuple) else t.__name__, isinstance(v, t))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(int, (str, int)), issubclass(int, int))
print(issubclass(KeyError, (ValueError, LookupError)), issubclass(type, object), issubclass(object, type))
for bad in [lambda: isinstance(1, 1), lambda: isinstance(1, (int, 1)), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: isinstance(1)]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
for v in [len, print, lambda: 0, int, type, 1, "s", None, [].append, str.upper, "x".upper, ValueError, ValueError(), iter([]), abs]:
    print(callable(v), end=" ")
print()
def f():
    pass
f.x = 1
print(callable(f), callable(f.x))
