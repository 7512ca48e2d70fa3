# An uncaught SyntaxError from an imported module: traceback and exit status.
print("before")
import imphelp.badsyntax
print("not reached")
