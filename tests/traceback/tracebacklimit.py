# traceback: sys.tracebacklimit keeps the innermost entries
import sys
sys.tracebacklimit = 1
def a(): b()
def b(): c()
def c(): raise ValueError("limited")
a()
