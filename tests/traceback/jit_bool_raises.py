# __bool__ raising at a conditional jump that runs as compiled code: the traceback's lines
# and carets must be tier 1's.
class Bad:
    def __bool__(self):
        raise RuntimeError("no truth")


def scan(values):
    n = 0
    for v in values:
        if v:
            n += 1
    return n


scan([1] * 100)
scan([1, 0, Bad()])
