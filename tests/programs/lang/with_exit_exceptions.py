# lang (phase 3): exceptions raised inside __exit__/__enter__, exit ordering with nested managers, chaining of contexts
log = []
class Boom:
    def __init__(self, where):
        self.where = where
    def __enter__(self):
        if self.where == "enter":
            raise RuntimeError("enter failed")
        log.append("entered")
        return self
    def __exit__(self, et, ev, tb):
        log.append(f"exit sees {et.__name__ if et else None}")
        if self.where == "exit":
            raise ValueError("exit failed")
        return False
for where in ["enter", "exit", "none"]:
    log.clear()
    try:
        with Boom(where):
            log.append("body")
            if where == "none":
                raise KeyError("body failed")
    except Exception as e:
        log.append(f"caught {type(e).__name__}: {e}; context={type(e.__context__).__name__ if e.__context__ else None}")
    print(where, log)
log.clear()
try:
    with Boom("none"), Boom("exit"):
        raise IndexError("inner body")
except Exception as e:
    print(type(e).__name__, e, "| context:", repr(e.__context__), log)
class Suppress:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return True
def f():
    for i in range(3):
        with Suppress():
            if i == 1:
                raise ValueError
            log.append(i)
    return "done"
log.clear()
print(f(), log)
