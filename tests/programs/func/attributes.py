# func: function attributes: __name__, __qualname__, __defaults__, __kwdefaults__, __doc__, __module__, __dict__, __code__
def plain(a, b=2, *args, c, d=4, **kw):
    "Docstring of plain."
    x = a
    return x
print(plain.__name__, plain.__qualname__, plain.__defaults__, plain.__kwdefaults__, plain.__doc__, plain.__module__)
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__, nodoc.__dict__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__, (lambda: 0).__qualname__)
co = plain.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames, co.co_qualname)
plain.custom = "attached"
setattr(plain, "other", 5)
print(plain.custom, getattr(plain, "other"), sorted(plain.__dict__), hasattr(plain, "missing"))
plain.__name__ = "renamed"
plain.__doc__ = "new doc"
print(plain.__name__, plain.__qualname__, plain.__doc__)
try:
    plain.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    nodoc.missing_attr
except AttributeError as e:
    print("AttributeError:", e)
def multi_line_doc():
    """First line.

    More text.
    """
print(repr(multi_line_doc.__doc__))
print(type(plain).__name__, callable(plain), type(plain.__code__).__name__, plain.__globals__ is globals())
del plain.custom
print(hasattr(plain, "custom"))
