# traceback: a call followed by a comment gets carets
def outer():
    def inner():
        return undefined_name
    return inner()
value = outer()  # trailing comment
