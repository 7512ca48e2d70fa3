# uncaught: finally blocks of every frame run (and print) before the uncaught exception terminates the program
def a():
    try:
        b()
    finally:
        print("a finally")
def b():
    try:
        raise LookupError("from b")
    finally:
        print("b finally")
try:
    a()
finally:
    print("module finally")
