# traceback: a generator expression frame
g = (1 / x for x in [0])
list(g)
