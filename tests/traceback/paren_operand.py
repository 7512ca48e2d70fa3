# traceback: a parenthesized left operand
def h():
    x = [1, 2]
    return (x[0]) + x[5]
h()
