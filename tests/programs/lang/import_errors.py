# lang (phase 3): ModuleNotFoundError and ImportError messages and attributes; failed imports leave no module behind
import sys
try:
    import no_such_module_apython
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name, isinstance(e, ImportError))
try:
    from _helper_mod import does_not_exist
except ImportError as e:
    # the message ends with the module's absolute path in parentheses: keep only the stable part
    print("ImportError:", str(e).split(" (")[0], "| name:", e.name, "| path ends:", e.path.endswith("_helper_mod.py"))
try:
    import userpkg.missing_sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
try:
    from userpkg import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print("no_such_module_apython" in sys.modules, "_helper_mod" in sys.modules)
try:
    __import__("also_missing")
except ImportError as e:
    print(type(e).__name__, e)
