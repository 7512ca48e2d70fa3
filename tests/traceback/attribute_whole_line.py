# traceback: an attribute access that is the whole line: no carets
z = None
z.attr
