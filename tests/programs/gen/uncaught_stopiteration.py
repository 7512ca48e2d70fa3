def g():
    yield 1
    raise StopIteration(3)


print(list(g()))
