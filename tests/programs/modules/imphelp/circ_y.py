from imphelp.circ_x import X
Y = 2
