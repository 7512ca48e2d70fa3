# traceback: a two-character operator
q = 1 // 0
