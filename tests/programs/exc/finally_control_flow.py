# exc: return/break/continue interacting with finally: finally's return wins, swallows exceptions, loops
import sys
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
def ret_value_computed_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
def break_in_finally():
    for i in range(5):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke out, exception discarded at i=%d" % i
def continue_in_finally():
    seen = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError
            seen.append(i)
        finally:
            continue
    return seen
def nested_finally_order():
    log = []
    try:
        try:
            try:
                return log
            finally:
                log.append(1)
        finally:
            log.append(2)
    finally:
        log.append(3)
print(ret_override(), swallow(), ret_value_computed_before_finally(), break_in_finally(), continue_in_finally(), nested_finally_order())
def finally_raises_replaces():
    try:
        raise ValueError("original")
    finally:
        raise TypeError("replacement")
try:
    finally_raises_replaces()
except Exception as e:
    print(type(e).__name__, e, "context:", type(e.__context__).__name__, e.__context__)
def loop_with_finally():
    out = []
    i = 0
    while True:
        try:
            i += 1
            if i == 2:
                continue
            if i == 4:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_with_finally())
def exc_info_in_finally():
    try:
        raise KeyError("inside")
    finally:
        info = sys.exc_info()[0]
        print("exc_info in finally:", info.__name__ if info else None)
try:
    exc_info_in_finally()
except KeyError:
    print("propagated")
def return_in_except_with_finally():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("finally after return in except")
print(return_in_except_with_finally())
