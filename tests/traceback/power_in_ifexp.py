# traceback: ** inside a conditional expression
a = 1
b = "s"
c = a if False else a ** b
