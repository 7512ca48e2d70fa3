# exc: sys.exit/SystemExit and KeyboardInterrupt are BaseExceptions: not caught by "except Exception", catchable explicitly
import sys
for arg in [None, 0, 3, "message", [1, 2], True]:
    try:
        if arg is None:
            sys.exit()
        sys.exit(arg)
    except SystemExit as e:
        print(repr(arg), "->", repr(e), e.code, e.args)
def swallow():
    try:
        sys.exit(5)
    except Exception:
        return "caught by Exception (wrong)"
    except BaseException as e:
        return "caught by BaseException: " + type(e).__name__
print(swallow())
try:
    raise KeyboardInterrupt
except Exception:
    print("wrong")
except KeyboardInterrupt as e:
    print("KeyboardInterrupt caught explicitly", repr(e))
try:
    try:
        raise SystemExit(2)
    finally:
        print("finally runs on SystemExit")
except SystemExit as e:
    print("code", e.code)
print(SystemExit(1, 2).code, SystemExit().code, SystemExit(None).code)
try:
    exit_code = 0
    raise SystemExit("bye")
except SystemExit as e:
    print(str(e), e.code)
