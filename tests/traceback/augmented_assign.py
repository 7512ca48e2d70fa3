# traceback: an augmented assignment covers the whole statement
x = 1
x += "a"
