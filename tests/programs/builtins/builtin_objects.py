# builtins: builtin functions as objects: repr, __name__, __qualname__, __self__ of bound builtins, object() basics
for fn in [len, print, abs, max, sorted, isinstance, iter, next, repr, hash, id, getattr, round, sum, divmod]:
    print(repr(fn), fn.__name__, fn.__qualname__, type(fn).__name__)
print(repr([].append)[:32], [1].append.__name__, "x".upper.__qualname__, (5).__add__.__name__)
print(str.upper.__qualname__, dict.fromkeys.__name__, type(str.upper).__name__, type("".upper).__name__)
b = [1, 2].append
print(b.__self__, b.__name__)
f = len
print(f("abc"), (lambda g: g([1, 2]))(len), list(map(len, ["a", "bb"])))
o = object()
print(type(o).__name__, o == o, o != object(), hasattr(o, "__class__"), isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
print(repr(int), repr(type), repr(object), repr(ValueError), repr(type(None)), repr(type(...)))
print(int.__name__, int.__qualname__, int.__module__, ValueError.__module__, len.__module__)
