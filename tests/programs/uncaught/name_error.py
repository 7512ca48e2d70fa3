# uncaught: NameError for an undefined global inside a function ends the program with exit code 1
def use_missing():
    return missing_variable + 1
print("calling")
use_missing()
