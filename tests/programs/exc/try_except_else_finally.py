# exc: every try/except/else/finally combination and the order in which blocks run
def run(raise_what):
    log = []
    try:
        log.append("try")
        if raise_what:
            raise raise_what
        log.append("try-end")
    except ValueError:
        log.append("except ValueError")
    except (TypeError, KeyError) as e:
        log.append("except " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(None))
print(run(ValueError))
print(run(TypeError("t")))
print(run(KeyError))
try:
    run(IndexError)
except IndexError:
    print("IndexError propagated after finally")
def only_finally():
    log = []
    try:
        try:
            log.append("inner try")
            raise RuntimeError("boom")
        finally:
            log.append("inner finally")
    except RuntimeError as e:
        log.append("outer caught " + str(e))
    return log
print(only_finally())
def try_else_raises():
    try:
        pass
    except ValueError:
        return "not here"
    else:
        raise KeyError("from else")
    finally:
        print("finally after else raised")
try:
    try_else_raises()
except KeyError as e:
    print("KeyError from else propagates:", e)
def except_raises():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("finally after handler raised")
try:
    except_raises()
except TypeError as e:
    print("TypeError:", e, "context:", repr(e.__context__))
def bare_except():
    try:
        1 / 0
    except:
        return "bare except caught"
print(bare_except())
def handler_order():
    try:
        raise KeyError("k")
    except LookupError:
        return "LookupError first"
    except KeyError:
        return "KeyError second"
print(handler_order())
