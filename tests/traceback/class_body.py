# traceback: an error in a class body
class Meta:
    value = int("12a")
