from .. import plain as parent_plain
from ..plain import twice
SUB = "sub"
