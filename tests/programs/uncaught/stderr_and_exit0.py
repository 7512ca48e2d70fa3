# uncaught: writes to stderr with a normal exit: exit code 0, the last stderr line is compared
import sys
print("to stdout")
print("first stderr line", file=sys.stderr)
sys.stderr.write("last stderr line\n")
print("more stdout")
