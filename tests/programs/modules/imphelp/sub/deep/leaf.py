from ... import VALUE
from ...sub import SUB
from . import __name__ as pkgname
LEAF = (VALUE, SUB, pkgname, __name__, __package__)
