# traceback: a method call as the left operand of +
n = 5
print(n.bit_length() + None)
