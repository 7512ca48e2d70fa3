# traceback: deleting a missing attribute: no suggestion
class A:
    abc = 1
a = A()
a.abc = 1
try:
    del A.abd
except AttributeError as e:
    print(e.name, e.obj)
del a.abd
