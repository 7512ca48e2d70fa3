# lang (phase 3): user-defined exception classes: hierarchy, custom __init__/__str__, attributes, catching by base class
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"not found: {key}")
        self.key = key
class Invalid(AppError):
    def __str__(self):
        return "invalid: " + ", ".join(map(str, self.args))
for exc in [NotFound("k1"), Invalid(1, 2), AppError("plain"), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound", e, e.key, e.args)
    except AppError as e:
        print(type(e).__name__, str(e), repr(e), e.args)
print(issubclass(NotFound, Exception), NotFound.__mro__[1].__name__, isinstance(Invalid(), AppError))
try:
    try:
        raise NotFound("inner")
    except AppError as e:
        raise Invalid("outer") from e
except Invalid as e:
    print(e, "| cause:", e.__cause__, type(e.__cause__).__name__)
class WithData(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    int("x")
except ValueError:
    try:
        raise WithData("bad", 7)
    except ValueError as e:
        print(e, e.code, type(e.__context__).__name__)
