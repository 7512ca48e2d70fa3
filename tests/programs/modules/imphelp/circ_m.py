import imphelp.circ_n
VALUE = "m"
