# traceback: a method chain: carets under the last call
class K:
    def m(self): return self
    def n(self): raise ValueError
K().m().n()
