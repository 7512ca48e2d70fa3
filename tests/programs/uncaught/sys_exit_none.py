# uncaught: sys.exit() and sys.exit(None) exit with code 0
import sys
print("bye")
sys.exit(None)
