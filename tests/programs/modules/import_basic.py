# Importing the user's own modules and packages: attributes, caching, submodules.
import sys

import imphelp
print(imphelp.VALUE, imphelp.__name__, imphelp.__package__, imphelp.__doc__)
print(imphelp.__file__.endswith("imphelp/__init__.py"), type(imphelp.__path__).__name__)
print([p.endswith("imphelp") for p in imphelp.__path__])
print(imphelp.plain.twice(21), imphelp._twice(5))

import imphelp.plain
import imphelp.plain as pl
print(pl is imphelp.plain, pl.__name__, pl.__package__)
print(hasattr(pl, "__path__"), pl.__file__.endswith("plain.py"))
pl.counter += 1
import imphelp.plain
print(imphelp.plain.counter)

import imphelp.sub.deep.leaf
print(imphelp.sub.deep.leaf.LEAF)
print(imphelp.sub.SUB, imphelp.sub.twice(4), imphelp.sub.parent_plain is pl)
print("imphelp.sub.deep" in sys.modules, "imphelp.sub.deep.leaf" in sys.modules)
print(sys.modules["imphelp.sub"] is imphelp.sub)

from imphelp.sub.deep import leaf
print(leaf.LEAF[3])
from imphelp.sub.deep.leaf import LEAF as L
print(L == leaf.LEAF)
from imphelp import plain, sub
print(plain is pl, sub.SUB)

import imphelp.sub.deep.leaf as lf
print(lf is leaf)

m = __import__("imphelp.sub", fromlist=["SUB"])
print(m.__name__)
m = __import__("imphelp.sub")
print(m.__name__)
print(type(imphelp.__builtins__).__name__, type(__builtins__).__name__)
print(sorted([k for k in vars(pl) if k.startswith("__") and k not in ("__spec__", "__loader__", "__cached__")]))

import math, time
print(math.sqrt(16.0), type(time.time()).__name__)
import sys as system
print(system is sys)
