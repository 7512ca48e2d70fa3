# traceback: a property getter frame
class A:
    @property
    def p(self):
        return self.q
A().p
