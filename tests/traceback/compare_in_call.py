# traceback: a comparison inside a call
print(1 < "a")
