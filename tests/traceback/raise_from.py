# traceback: an explicit cause: both tracebacks with carets
try:
    int("x")
except ValueError as e:
    raise RuntimeError("bad") from e
