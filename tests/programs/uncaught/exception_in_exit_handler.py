# uncaught: an exception raised in an except clause that re-raises with a new type after printing
import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught SystemExit", e.code)
    raise ValueError("replaced SystemExit") from e
