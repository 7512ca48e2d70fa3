import imphelp.circ_a as a
B = "b"
def get_a():
    return a.A
