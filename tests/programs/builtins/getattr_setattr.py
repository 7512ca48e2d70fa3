# builtins: getattr (with default), setattr, hasattr, delattr on function objects and builtin values
def target():
    return "called"
print(hasattr(target, "__name__"), hasattr(target, "custom"), getattr(target, "custom", "no attr"))
setattr(target, "custom", [1, 2])
print(getattr(target, "custom"), target.custom is getattr(target, "custom"), hasattr(target, "custom"))
setattr(target, "__doc__", "set via setattr")
print(target.__doc__, getattr(target, "__name__"), getattr(target, "__call__")())
delattr(target, "custom")
print(hasattr(target, "custom"))
try:
    delattr(target, "custom")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(target, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr("abc", "upper")(), getattr([3, 1], "index")(1), getattr(5, "real"), getattr(1.5, "is_integer")())
for bad in [lambda: setattr(5, "x", 1), lambda: setattr("s", "upper", 1), lambda: setattr(target, 1, 2), lambda: getattr(target),
            lambda: hasattr(target, None), lambda: delattr(len, "__name__")]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
name = "dyn" + "amic"
setattr(target, name, 42)
print(target.dynamic, vars(target))
print(getattr(target, "missing", None) is None, getattr(None, "x", "dflt"), hasattr(None, "__class__"))
