# traceback: a generator frame resumed by a for loop
def gen():
    yield 1
    yield {}["k"]
for x in gen():
    pass
