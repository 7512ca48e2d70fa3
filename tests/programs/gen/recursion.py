def rec(n):
    yield from rec(n + 1)
try:
    next(rec(0))
except RecursionError as e:
    print("RecursionError", e)
def rec2(n):
    yield next(rec2(n + 1))
try:
    next(rec2(0))
except RecursionError as e:
    print("RecursionError", e)
def rec3(n):
    for x in rec3(n + 1):
        yield x
try:
    list(rec3(0))
except RecursionError as e:
    print("RecursionError", e)
print("ok")
