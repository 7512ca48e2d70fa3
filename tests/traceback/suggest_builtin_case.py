# traceback: builtin names are candidates
Print("x")
