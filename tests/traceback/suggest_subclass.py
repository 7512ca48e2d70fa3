# traceback: a subclass of AttributeError gets no suggestion
class E(AttributeError): pass
raise E("x", name="apend", obj=[])
