# uncaught: exit codes are taken modulo 256 by the OS (sys.exit(258) -> 2)
import sys
sys.exit(258)
