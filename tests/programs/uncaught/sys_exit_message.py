# uncaught: sys.exit("message") prints the message to stderr and exits with code 1
import sys
print("about to exit with a message")
sys.exit("fatal: something went wrong")
