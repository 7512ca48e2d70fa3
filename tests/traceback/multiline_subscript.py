# traceback: a subscript spanning lines: carets to the end of the first line
x = (1,
     2)[5]
