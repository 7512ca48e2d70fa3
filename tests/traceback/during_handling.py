# traceback: an implicit context: both tracebacks with carets
try:
    {}["a"]
except KeyError:
    x = None
    x.foo()
