# exc: NameError / UnboundLocalError / AttributeError messages (incl. "Did you mean" not in str()), .name/.obj attributes
try:
    undefined_thing
except NameError as e:
    print("NameError:", e, "| name attr:", e.name)
def local_before_assignment():
    print(counter)
    counter = 1
try:
    local_before_assignment()
except UnboundLocalError as e:
    print("UnboundLocalError:", e, isinstance(e, NameError))
def free_var_deleted():
    v = 1
    def inner():
        return v
    del v
    return inner()
try:
    free_var_deleted()
except NameError as e:
    print(type(e).__name__ + ":", e)
for obj, attr in [(1, "foo"), ("s", "lenght"), ([], "push"), ({}, "has_key"), (None, "x"), (len, "nope"), (3.5, "imag2"), ((), "append")]:
    try:
        getattr(obj, attr)
    except AttributeError as e:
        print("AttributeError:", e, "| name:", e.name, "| obj is target:", e.obj is obj)
def f():
    pass
try:
    f.missing
except AttributeError as e:
    print("AttributeError:", e)
for obj, attr in [(1, "real"), ("s", "upper"), ([], "x")]:
    try:
        setattr(obj, attr, 1)
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del f.__name__
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)
try:
    (1).__class__ = str
except TypeError as e:
    print("TypeError:", e)
print(getattr(1, "missing", "default"), hasattr("s", "upper"), hasattr("s", "nope"))
try:
    getattr(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    print(len_typo([1]))
except NameError as e:
    print("NameError:", e)
