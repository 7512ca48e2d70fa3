# traceback: sys.tracebacklimit = 0 prints only the exception line
import sys
sys.tracebacklimit = 0
raise ValueError("no tb")
