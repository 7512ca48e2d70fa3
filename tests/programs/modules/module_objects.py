# Module objects: repr, attributes, PEP 562 __getattr__, dir, sys.modules edits.
import sys
import math
import imphelp.lazy as lazy

print(repr(sys))
print(repr(lazy).replace(sys.path[0], "DIR"))
print(lazy.existing, lazy.computed)
try:
    lazy.missing
except AttributeError as e:
    print(e)
print(hasattr(lazy, "computed"), hasattr(lazy, "nope"), getattr(lazy, "nope", "dflt"))
from imphelp.lazy import computed
print(computed)
try:
    from imphelp.lazy import nope
except ImportError as e:
    print(str(e).replace(sys.path[0], "DIR"))
try:
    math.nope
except AttributeError as e:
    print(e)
print("existing" in dir(lazy), "__getattr__" in dir(lazy))
lazy.new_attr = 5
print(lazy.new_attr, vars(lazy)["new_attr"])
del lazy.new_attr
print(hasattr(lazy, "new_attr"))

del sys.modules["imphelp.lazy"]
import imphelp.lazy as lazy2
print(lazy2 is lazy, lazy2.existing)
print(__name__, type(sys.modules[__name__]).__name__)
print(sys.modules["__main__"].__file__ == __file__)
print(__file__.startswith("/"), __file__.endswith("modules/module_objects.py"), sys.argv[0])
