# uncaught: sys.exit(3) exits with code 3, silently, after running pending finally blocks
import sys
try:
    print("in try")
    sys.exit(3)
finally:
    print("finally runs before exit")
