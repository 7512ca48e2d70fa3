# traceback: ImportError suggestion for a from-import of a near miss
from _suggest_mod import helpr
