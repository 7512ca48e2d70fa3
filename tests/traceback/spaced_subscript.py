# traceback: spaces inside and before subscript brackets
s = "abc"
t = s [ 10 ]
