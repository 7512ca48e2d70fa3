# lang: __bases__ assignment (checks, MRO of subclasses recomputed, rollback), __subclasses__(), a metaclass's own mro()
class A: pass
class B: pass
try:
    B.__bases__ = (A,)
except TypeError as e: print(e)
class C(A): pass
class D(A):
    def hello(self): return "D"
class E(C): pass
class F(E): pass
e = E()
E.__bases__ = (D,); print(E.__mro__, F.__mro__, e.hello(), F().hello(), E.__base__.__name__, E.__bases__)
class G(int): pass
try:
    E.__bases__ = (G,)
except TypeError as ex: print(ex)
for bad in [(E,), (F,), [D], (1,), ()]:
    try: E.__bases__ = bad
    except TypeError as ex: print(ex)
try: del E.__bases__
except TypeError as ex: print(ex)
C.__bases__ = (E,); print(C.__mro__)
class P: pass
class Q(P): pass
class R(P): pass
class S(Q, R): pass
try:
    S.__bases__ = (R, Q, P)
    print(S.__mro__)
    S.__bases__ = (P, Q)
except TypeError as ex: print(ex); print(S.__mro__)
print([c.__name__ for c in A.__subclasses__()], [c.__name__ for c in P.__subclasses__()], int.__subclasses__()[:1], len(object.__subclasses__()) > 10)
class L(list): pass
class L2(list): pass
class LL(L): pass
LL.__bases__ = (L2,); print(LL.__mro__, LL([1]))
try:
    L.__bases__ = (A,)
except TypeError as ex: print(ex)
class M(type):
    def mro(cls):
        return [cls, object]
class X(A, metaclass=M): pass
print(X.__mro__, isinstance(X(), A))
class M2(type):
    def mro(cls):
        return [cls, 1]
try:
    class Y(metaclass=M2): pass
except TypeError as ex: print(ex)
class M3(type):
    def mro(cls):
        return super().mro()[::-1] if False else list(super().mro())
class Z(A, metaclass=M3): pass
print(Z.__mro__)
