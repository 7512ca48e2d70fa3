# Circular imports: partially initialized modules are visible through sys.modules.
import sys
import imphelp.circ_a as a
print(a.A, a.get_b(), a.b.get_a())
try:
    import imphelp.circ_x
except ImportError as e:
    print(str(e).replace(sys.path[0], "DIR"))
print("imphelp.circ_x" in sys.modules, "imphelp.circ_y" in sys.modules)
import imphelp.circ_m
print(imphelp.circ_m.VALUE)
try:
    imphelp.circ_m.missing
except AttributeError as e:
    print(e)
