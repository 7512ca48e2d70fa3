# uncaught: CPython 3.12 appends a "Did you mean: ...?" suggestion to the traceback's last line for NameError
def compute():
    values = [3, 1, 2]
    return len(valuse)
print("start")
compute()
