# exc: the "except E as name" target is deleted at the end of the handler (NameError after), even if it existed before
e = "previous value"
try:
    raise ValueError("boom")
except ValueError as e:
    print("inside:", e)
try:
    print(e)
except NameError as err:
    print("NameError:", err)
def f():
    x = 1
    try:
        raise KeyError("k")
    except KeyError as x:
        pass
    try:
        return x
    except UnboundLocalError as err:
        return "UnboundLocalError: " + str(err)
print(f())
saved = None
try:
    raise TypeError("keep me")
except TypeError as exc:
    saved = exc
print(saved, type(saved).__name__)
def g():
    try:
        raise ValueError("v")
    except ValueError as err:
        return err
print(repr(g()))
def h():
    results = []
    for i in range(2):
        try:
            raise IndexError(i)
        except IndexError as err:
            results.append(err.args[0])
    return results, "err" in dir()
print(h())
