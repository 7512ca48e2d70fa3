# traceback: tab-indented source lines are stripped; carets are placed after the tabs
def f():
	x = [1]
	return x[1] + 2
f()
