# traceback: a subscript with a trailing space on the line
d = {}
d [ "k" ] 
