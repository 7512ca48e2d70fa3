# uncaught: KeyError's traceback line shows the key's repr ("KeyError: 'missing'")
d = {"present": 1}
print(d["present"])
print(d["missing"])
