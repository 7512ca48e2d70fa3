import imphelp.circ_m as m
try:
    print(m.VALUE)
except AttributeError as e:
    print("AttributeError:", e)
