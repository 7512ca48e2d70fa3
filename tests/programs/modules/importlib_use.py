# importlib.import_module and importlib.reload.
import importlib
import sys

m = importlib.import_module("imphelp.plain")
print(m.__name__, m.twice(2))
print(importlib.import_module(".sub", "imphelp").SUB)
print(importlib.import_module("..plain", "imphelp.sub").__name__)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(e)
try:
    importlib.import_module("no_such_mod_xyz")
except ModuleNotFoundError as e:
    print(e, e.name)
m.counter = 99
m.extra = "kept"
r = importlib.reload(m)
print(r is m, m.counter, m.extra)
importlib.invalidate_caches()
