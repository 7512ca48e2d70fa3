# traceback: a binary op whose operands are subscripts
data = {"a": [1, 2]}
print(data["a"][1] * data["b"])
