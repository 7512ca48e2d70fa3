# traceback: a failing unpacking
a, b = [1]
