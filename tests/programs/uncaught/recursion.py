# uncaught: unbounded recursion ends with "RecursionError: maximum recursion depth exceeded"
def f(n):
    return f(n + 1) + 1
print("recursing")
f(0)
