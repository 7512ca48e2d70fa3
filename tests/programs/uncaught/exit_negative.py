# uncaught: a negative exit code becomes 256 + code (sys.exit(-1) -> 255)
import sys
print("negative")
sys.exit(-1)
