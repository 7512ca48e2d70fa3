# lang (phase 3): importing a user package: __init__ side effects, submodules, relative imports inside the package
import userpkg
from userpkg import util
from userpkg.core import add as core_add
import userpkg.core
print(userpkg.init_ran, userpkg.VERSION, userpkg.add(2, 3), core_add is userpkg.add, util.double_add(1, 2))
print(util.where, util.parent, userpkg.__name__, userpkg.core.__name__, userpkg.util is util, util.core is userpkg.core)
import sys
print(sorted(k for k in sys.modules if k.startswith("userpkg")))
print(userpkg.__package__, userpkg.core.__package__, hasattr(userpkg, "__path__"), hasattr(userpkg.core, "__path__"))
