# traceback: NameError suggestion: a local variable
def compute():
    values = [3, 1, 2]
    return len(valuse)
compute()
