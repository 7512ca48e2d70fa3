# lang (phase 3): importing a user module from the script's directory: import, from-import, aliases, module state
import _helper_mod
import _helper_mod as hm
from _helper_mod import greet, CONSTANT as C
from _helper_mod import *
print(_helper_mod.__name__, hm is _helper_mod, greet("world"), C, _helper_mod.counter)
_helper_mod.bump()
_helper_mod.bump()
print(_helper_mod.counter, hm.counter, public_fn(), "_private_fn" in dir())
import _helper_mod
print(_helper_mod.counter, _helper_mod.load_count)
import sys
print("_helper_mod" in sys.modules, sys.modules["_helper_mod"] is hm)
print(sorted(n for n in dir(_helper_mod) if not n.startswith("__")))
