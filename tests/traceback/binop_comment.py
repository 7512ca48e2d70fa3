# traceback: a binary op followed by a comment
def f(a, b):
    return a + b  # comment
f(1, "a")
