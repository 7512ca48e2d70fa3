import imphelp.circ_b as b
A = "a"
def get_b():
    return b.B
