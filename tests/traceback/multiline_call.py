# traceback: a call spanning lines
def f(*args, **kw): raise TypeError("x")
f(1, 2,
  3, k=4)
