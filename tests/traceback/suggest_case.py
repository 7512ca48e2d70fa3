# traceback: AttributeError suggestion differing only in case
class Config:
    verbose = True
    def load(self): pass
Config().Verbose
