# traceback: a lambda's frame and a binary op whose left operand is a call
f = lambda x: x.upper() + 1
print(f("a"))
