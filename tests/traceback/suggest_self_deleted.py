# traceback: NameError in a method after self was deleted: no suggestion
class A:
    def m(self):
        del self
        return foo
A().m()
