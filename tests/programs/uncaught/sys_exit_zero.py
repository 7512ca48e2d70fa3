# uncaught: sys.exit(0) after output exits with code 0 and writes nothing to stderr
import sys
print("exiting with 0")
sys.exit(0)
print("not reached")
