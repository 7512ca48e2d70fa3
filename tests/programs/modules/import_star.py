# from module import *: __all__, public names, packages with submodules in __all__.
from imphelp.star import *
print(a, b)
try:
    print(c)
except NameError as e:
    print("NameError", e)

from imphelp.nostar import *
print(x, f())
for name in ("_hidden", "_sys"):
    print(name, name in globals())

from imphelp.allpkg import *
print(one.ONE, two.TWO)


def g():
    ns = {}
    exec("from imphelp.star import *", ns)
    return sorted([k for k in ns if not k.startswith("__")])


print(g())
