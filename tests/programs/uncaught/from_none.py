# uncaught: "raise ... from None" suppresses the context; the last line is still the raised exception
try:
    int("x")
except ValueError:
    raise TypeError("suppressed context") from None
