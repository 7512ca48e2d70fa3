# traceback: a nested subscript store
x = {"k": [1]}
x["k"][0]["z"] = 1
