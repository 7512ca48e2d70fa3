# uncaught: sys.exit with a non-int, non-None object prints str(obj) to stderr and exits with code 1
import sys
sys.exit([1, "two"])
