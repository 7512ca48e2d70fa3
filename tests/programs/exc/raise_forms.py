# exc: raise with a class, an instance, from a cause, from None, bare re-raise, and invalid raise targets
def attempt(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
def r_class():
    raise ValueError
def r_instance():
    raise ValueError("msg", 2)
def r_from():
    raise KeyError("k") from OSError("os")
def r_from_none():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("clean") from None
def r_from_class():
    raise TypeError("t") from IndexError
def bare_reraise():
    try:
        raise LookupError("orig")
    except LookupError:
        raise
def reraise_var():
    try:
        raise NameError("n")
    except NameError as e:
        err = e
    raise err
def raise_int():
    raise 5
def raise_non_exc_class():
    raise int
def bare_outside():
    raise
def bad_cause():
    raise ValueError from 5
for fn in [r_class, r_instance, r_from, r_from_none, r_from_class, bare_reraise, reraise_var, raise_int, raise_non_exc_class, bare_outside, bad_cause]:
    print(fn.__name__ + ":", end=" ")
    attempt(fn)
def reraise_preserves_identity():
    e1 = ValueError("same")
    try:
        try:
            raise e1
        except ValueError:
            raise
    except ValueError as e2:
        return e1 is e2
print(reraise_preserves_identity())
def raise_in_nested_handler():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise
attempt(raise_in_nested_handler)
