# traceback: a binary op spanning lines
r = (1 +
     None)
