# A class call specialized to run __init__ as a frame (CALL_ALLOC_AND_ENTER_INIT): the
# "should return None" error points at the caller's line.
class Point:
    def __init__(self, x, bad):
        self.x = x
        if bad:
            return x


def build(bad):
    return Point(3, bad)


for i in range(100):
    build(False)
build(True)
