# An exception escaping a generator ends the program with its traceback.
def inner():
    yield 1
    raise ValueError("escaped from generator")


def outer():
    yield from inner()


for x in outer():
    print(x)
