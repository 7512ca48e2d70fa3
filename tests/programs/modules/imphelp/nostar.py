import sys as _sys
x = 10
_hidden = 11
def f():
    return 12
