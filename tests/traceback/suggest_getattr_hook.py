# traceback: an AttributeError raised by __getattr__ gets name/obj from the lookup (suggestion)
class A:
    abcd = 1
    def __getattr__(self, n):
        raise AttributeError(n)
A().abce
