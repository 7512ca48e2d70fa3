# traceback: a binary op whose operator is on the second line
a = 1
b = 0
c = (a
     / b)
