# traceback: two statements on one line
x = 1; y = x + "a"
