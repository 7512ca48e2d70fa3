# builtins: dir() of builtin types (sorted attribute lists), dir() of functions/modules filtered, and dir() in a function
print(dir(list))
print(dir(int))
print([n for n in dir(str) if not n.startswith("_")])
print([n for n in dir(dict) if not n.startswith("_")])
print([n for n in dir(set) if not n.startswith("_")])
print([n for n in dir(tuple) if not n.startswith("_")], [n for n in dir(float) if not n.startswith("_")])
print([n for n in dir(bytes) if not n.startswith("_")])
print([n for n in dir(complex) if not n.startswith("_")], [n for n in dir(range) if not n.startswith("_")])
def f(a, b=1):
    c = 3
    return dir()
print(f(0))
print(dir(1) == dir(int), dir([]) == dir(list), sorted(dir(list)) == dir(list))
x_defined_here = 1
print("x_defined_here" in dir(), "f" in dir(), "__name__" in dir())
print([n for n in dir(f) if not n.startswith("_")], "__name__" in dir(f), "__code__" in dir(f))
