# uncaught: sys.exit(True) is exit code 1 (bool is an int); nothing on stderr
import sys
sys.exit(True)
