# exc: exceptions raised inside handlers, else and finally of nested try blocks; which handler sees what
log = []
try:
    try:
        raise ValueError("inner")
    except KeyError:
        log.append("wrong inner handler")
    finally:
        log.append("inner finally")
except ValueError as e:
    log.append("outer got " + str(e))
print(log)
log = []
try:
    try:
        raise ValueError("v")
    except ValueError:
        log.append("inner handler")
        try:
            raise KeyError("k")
        except KeyError:
            log.append("innermost handler")
        log.append("back in inner handler")
    else:
        log.append("no else")
    log.append("after inner try")
except Exception:
    log.append("outer should not run")
print(log)
def deep(n):
    try:
        if n == 0:
            raise IndexError("bottom")
        return deep(n - 1)
    finally:
        log.append("unwind %d" % n)
log = []
try:
    deep(3)
except IndexError as e:
    log.append("caught " + str(e))
print(log)
def handler_raises_new():
    try:
        try:
            raise TypeError("one")
        except TypeError:
            raise ValueError("two")
    except ValueError as e:
        return str(e) + " with context " + str(e.__context__)
print(handler_raises_new())
results = []
for exc in [None, KeyError, ValueError, ZeroDivisionError]:
    try:
        try:
            if exc:
                raise exc("x")
        except KeyError:
            results.append("K")
            raise
        except ValueError:
            results.append("V")
        else:
            results.append("else")
        finally:
            results.append("fin")
    except KeyError:
        results.append("outer K")
    except ArithmeticError:
        results.append("outer A")
print(results)
