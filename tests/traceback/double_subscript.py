# traceback: chained subscripts: ~ under the value, ^ under the last brackets
def g(d):
    return d["key"]["other"]
g({"key": {}})
