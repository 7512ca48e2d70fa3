# uncaught: an exception raised while handling another (implicit chaining) ends the program with the new one
try:
    [][0]
except IndexError:
    print("handling IndexError")
    {}["k"]
