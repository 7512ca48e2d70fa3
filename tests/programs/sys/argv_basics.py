# sys: sys.argv is [script name as given] (the harness runs "<name>.py" from the program's directory)
import sys
print(sys.argv, len(sys.argv), type(sys.argv).__name__)
print(sys.argv[0], sys.argv[0].endswith(".py"), sys.argv[1:])
sys.argv.append("extra")
print(sys.argv)
print(__name__, __file__.endswith("argv_basics.py"))
