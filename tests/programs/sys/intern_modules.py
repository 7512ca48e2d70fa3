# sys: sys.intern returns an equal (and on repeat, identical) string; sys.modules holds imported modules
import sys
import math
a = sys.intern("some_interned_" + "string")
b = sys.intern("some_interned_string")
print(a == b, a is b, type(a).__name__)
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
print("sys" in sys.modules, "math" in sys.modules, "builtins" in sys.modules, sys.modules["sys"] is sys, sys.modules["math"] is math)
print(type(sys.modules).__name__, type(sys).__name__, sys.__name__, math.__name__)
import sys as system_alias
print(system_alias is sys)
from math import sqrt as root
print(root(16.0), root is math.sqrt)
import time
print("time" in sys.modules, sys.modules["time"] is time)
