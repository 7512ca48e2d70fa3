# traceback: an attribute chain
x = None
y = x.attr.other
