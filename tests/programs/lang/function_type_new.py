# types.FunctionType(code, globals, name, argdefs, closure): functions made from code objects,
# with their builtins, names, defaults and closures, and the argument checks with CPython's
# messages.
import types
def f(x, y=2):
    return x + y + z
g = types.FunctionType(f.__code__, {"z": 100})
try:
    g(1)
except TypeError as e:
    print(type(e).__name__, e)
print(g(1, 2), g.__name__, g.__qualname__, g.__defaults__, g.__module__, g.__globals__["z"])
h = types.FunctionType(f.__code__, {"z": 1, "__name__": "mod"}, "renamed", (5,))
print(h(1), h.__name__, h.__qualname__, h.__defaults__, h.__module__)
def outer():
    a = 10
    def inner(b):
        return a + b
    return inner
inner = outer()
k = types.FunctionType(inner.__code__, {}, None, None, inner.__closure__)
print(k(5), k.__closure__ is inner.__closure__)
print(types.FunctionType(f.__code__, globals=dict(z=3), argdefs=(4,))(1))
for args in [(1, {}), (f.__code__, 1), (f.__code__, {}, 5), (f.__code__, {}, None, [1]),
             (inner.__code__, {}), (inner.__code__, {}, None, None, 5), (inner.__code__, {}, None, None, (1,)),
             (f.__code__, {}, None, None, (1,)), (inner.__code__, {}, None, None, ())]:
    try:
        types.FunctionType(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    types.FunctionType(f.__code__, {}, kwdefaults={})
except TypeError as e:
    print(type(e).__name__, e)
try:
    types.FunctionType()
except TypeError as e:
    print(type(e).__name__, e)
print(types.FunctionType(f.__code__, {"z": 0}, None, None, None)(1, 1))
print(type(types.FunctionType(f.__code__, {})) is types.FunctionType)
