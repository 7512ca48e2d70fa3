# uncaught: a nested ExceptionGroup with notes and a chained member, printed in the boxed group format
def collect():
    errs = []
    try:
        try:
            raise KeyError("first")
        except KeyError:
            raise ValueError("second")
    except ValueError as e:
        errs.append(e)
    errs.append(ExceptionGroup("inner", [TypeError("t"), OSError("o")]))
    return errs
print("before")
eg = ExceptionGroup("outer", collect())
eg.add_note("a note on the group")
raise eg
