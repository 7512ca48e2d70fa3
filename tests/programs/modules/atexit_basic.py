# atexit: callbacks run at exit, last registered first, with their arguments; errors in them
# are reported and the others still run.
import atexit


def bye(name, punct="."):
    print("bye", name + punct)


def failing():
    raise ValueError("failed at exit")


print(atexit.register(bye, "first") is bye)
atexit.register(failing)
atexit.register(bye, "second", punct="!")


@atexit.register
def decorated():
    print("decorated runs first")


def never():
    print("never printed")


atexit.register(never)
atexit.register(never)
atexit.unregister(never)
try:
    atexit.register(1)
except TypeError as e:
    print("TypeError", e)
try:
    atexit.register()
except TypeError as e:
    print("TypeError", e)
print("end of main")
