# lang (phase 3): with statements: __enter__/__exit__ order, as-targets, multiple managers, exception info and suppression
log = []
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        log.append(f"exit {self.name} {et.__name__ if et else None} {ev}")
        return self.suppress
with CM("a") as x:
    log.append("body " + x)
print(log)
log.clear()
with CM("outer") as o, CM("inner") as i:
    log.append(o + i)
print(log)
log.clear()
with CM("s", suppress=True):
    raise ValueError("swallowed")
print(log)
log.clear()
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    log.append("caught " + repr(e))
print(log)
log.clear()
def ret():
    with CM("r"):
        return "returned"
print(ret(), log)
log.clear()
for i in range(3):
    with CM(str(i)):
        if i == 1:
            continue
        if i == 2:
            break
print(log)
log.clear()
with (CM("p1") as a1,
      CM("p2") as a2):
    pass
print(log, a1, a2)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)
