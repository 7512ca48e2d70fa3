# traceback: a failing binary op inside a list comprehension (its own frame)
items = [1, 2, 0]
out = [10 // i for i in items]
