# traceback: frames of exceptions caught and re-raised in a loop with tb_frame read
import sys
def f(n):
    if n == 0:
        raise KeyError(n)
    return f(n - 1)
try:
    f(3)
except KeyError as e:
    t = e.__traceback__
    print([x.tb_frame.f_code.co_name for x in [t, t.tb_next]], t.tb_frame.f_back)
    raise
