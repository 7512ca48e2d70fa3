# traceback: a NameError suggestion survives a bare raise
def g():
    try:
        undefined_x
    except NameError:
        raise
g()
