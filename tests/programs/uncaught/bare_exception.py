# uncaught: an exception without arguments prints just its class name as the last stderr line
def check(v):
    if v < 0:
        raise ValueError
    return v
print(check(1))
check(-1)
