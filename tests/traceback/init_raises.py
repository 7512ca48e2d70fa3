# A class call specialized to run __init__ as a frame (CALL_ALLOC_AND_ENTER_INIT): an error
# inside __init__ shows the caller's frame and __init__'s.
class Point:
    def __init__(self, x, bad):
        self.x = x
        if bad:
            raise ValueError("bad point")


def build(bad):
    return Point(3, bad)


for i in range(100):
    build(False)
build(True)
