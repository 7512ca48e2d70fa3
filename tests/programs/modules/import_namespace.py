# Namespace packages (directories without __init__.py).
import nsp.part.mod
print(nsp.part.mod.PART)
print(nsp.__file__, [p.endswith("nsp") for p in nsp.__path__])
from nsp.part import mod
print(mod.__name__, mod.__package__)
