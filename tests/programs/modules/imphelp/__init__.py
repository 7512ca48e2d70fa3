"""The imphelp helper package."""
print("imphelp init", __name__, __package__)
VALUE = 1
from . import plain
from .plain import twice as _twice
