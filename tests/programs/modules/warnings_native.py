# _warnings: warnings issued before the warnings module is imported (native printing),
# its own filters and registries, argument errors.
import sys, _codecs
def f():
    return _codecs.escape_decode(b"\\q")
print(f(), 'warnings' in sys.modules)
import _warnings
print(_warnings.filters, _warnings._defaultaction, type(_warnings._onceregistry))
_warnings.warn("direct", UserWarning)
_warnings.warn("lvl2", UserWarning, 2)
_warnings.warn_explicit("expl", UserWarning, "fake.py", 3)
try: _warnings.warn("x", 5)
except TypeError as e: print(e)
try: _warnings.warn_explicit("x", UserWarning, "f", 1, registry=5)
except TypeError as e: print(e)
print('warnings' in sys.modules)
