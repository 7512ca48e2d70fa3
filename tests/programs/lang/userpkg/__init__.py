# Helper package for lang/import_package.py (subdirectories of an area are not tests).
from .core import add, VERSION
from . import util
init_ran = True
