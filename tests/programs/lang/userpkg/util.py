from .core import add
from . import core


def double_add(a, b):
    return add(a, b) * 2


where = __name__
parent = __package__
