# The deprecated throw(type, value[, tb]) signature still works (with a DeprecationWarning).
def g():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)


x = g()
next(x)
x.throw(ValueError, "v")
x.throw(ValueError, ("a", "b"))
x.throw(ValueError, None)
x.throw(KeyError, KeyError("same"))
x.throw(ValueError, ValueError("inst"), None)
try:
    x.throw(ValueError, 1, 2)
except TypeError as e:
    print("TypeError:", e)
print("end")
