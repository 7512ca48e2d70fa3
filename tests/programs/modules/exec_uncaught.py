# An uncaught exception raised by code run with exec().
ns = {}
exec("def f(n):\n    return 10 // n\n", ns)
print(ns["f"](5))
exec("print(f(0))", ns)
