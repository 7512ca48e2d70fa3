# traceback: a subscript inside an f-string replacement field
d = {"a": 1}
print(f"{d['b']}")
