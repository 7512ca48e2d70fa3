# traceback: [Previous line repeated N more times] and carets in a conditional expression
def rec(n):
    return rec(n + 1) if n < 50 else 1 / 0
rec(0)
