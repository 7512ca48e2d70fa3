# traceback: subscript carets inside a method; call carets when the call is part of a larger line
class A:
    def method(self, x):
        return self.data[x]
a = A()
a.data = {}
result = a.method("missing") or 5
