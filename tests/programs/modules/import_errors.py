# Import failures: messages and attributes as in CPython.
import sys

try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)

try:
    import imphelp.no_such_sub
except ImportError as e:
    print(type(e).__name__, e, e.name)

try:
    import imphelp.plain.not_a_package
except ModuleNotFoundError as e:
    print(e, e.name)

try:
    from imphelp import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).replace(sys.path[0], "DIR"), e.name)

try:
    from imphelp.plain import missing
except ImportError as e:
    print(str(e).replace(sys.path[0], "DIR"), e.name, e.path.endswith("plain.py"))

try:
    import imphelp.boom
except ValueError as e:
    print("ValueError", e)
print("imphelp.boom" in sys.modules)
try:
    import imphelp.boom
except ValueError as e:
    print("again", e)

try:
    import imphelp.badsyntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    print(e.filename.endswith("badsyntax.py"))

try:
    from . import something
except ImportError as e:
    print(e)

sys.modules["blocked"] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)

try:
    __import__("")
except ValueError as e:
    print(e)

import imphelp.replace
print(imphelp.replace, sys.modules["imphelp.replace"])

try:
    import imphelp.beyond
except ImportError as e:
    print(e)

m = __import__("plain", globals={"__package__": "imphelp"}, fromlist=["twice"], level=1)
print(m.__name__, m.twice(3))
m = __import__("sub.deep", {"__name__": "imphelp.x"}, None, [], 1)
print(m.__name__)
try:
    __import__("x", {}, None, [], 1)
except ImportError as e:
    print(e)
try:
    __import__("x", {"__package__": 3}, None, [], 1)
except TypeError as e:
    print(e)
try:
    import imphelp.sub as s2, imphelp.nothing_here
except ModuleNotFoundError as e:
    print(e)
