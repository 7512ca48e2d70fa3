# traceback: a group whose member has a traceback with carets inside the box
def f():
    raise ValueError("in f")
try:
    f()
except ValueError as e:
    raise ExceptionGroup("grp", [e])
