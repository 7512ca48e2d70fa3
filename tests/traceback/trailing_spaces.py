# traceback: trailing blanks stay in the source line and get carets
t = len(5)   
