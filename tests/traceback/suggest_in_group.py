# traceback: NameError suggestion inside an exception group
def f():
    raise ExceptionGroup("g", [NameError("name 'abss' is not defined", name="abss")])
f()
