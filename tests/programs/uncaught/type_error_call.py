# uncaught: TypeError from a bad call shows the function's qualified name in the message
def outer():
    def helper(a, b):
        return a + b
    return helper(1)
outer()
