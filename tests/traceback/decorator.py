# traceback: a decorator applied at definition time
def deco(f):
    return f(1)
@deco
def g(x):
    return x.nope
