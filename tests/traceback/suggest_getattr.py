# traceback: AttributeError suggestion from getattr()
getattr([], "apend")
