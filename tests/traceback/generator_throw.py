# traceback: generator.throw() at the yield
def f():
    return (yield)
g = f(); next(g); g.throw(ValueError("t"))
