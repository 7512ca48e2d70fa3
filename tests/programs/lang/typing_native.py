# _typing: TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic (the C half of typing),
# without importing typing.py
from _typing import TypeVar, ParamSpec, ParamSpecArgs, ParamSpecKwargs, TypeVarTuple, TypeAliasType, Generic, _idfunc

T = TypeVar("T")
print(repr(T), T.__name__, T.__bound__, T.__constraints__, T.__covariant__, T.__contravariant__,
      T.__infer_variance__, T.__module__, T.__reduce__())
C = TypeVar("C", int, str, covariant=True)
print(repr(C), C.__constraints__, repr(TypeVar("N", contravariant=1)), repr(TypeVar("I", infer_variance=True)))
for args, kw in [((), {}), ((1,), {}), (("X", int), {}),
                 (("X",), {"covariant": True, "contravariant": True}),
                 (("X",), {"infer_variance": True, "covariant": True}), (("X",), {"foo": 1})]:
    try:
        print(repr(TypeVar(*args, **kw)))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
T.extra = 5
print(T.extra, T == T, T != TypeVar("T"), hash(T) == hash(T))
for attr in ["__name__", "__covariant__"]:
    try:
        setattr(T, attr, 1)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    class Sub(T):
        pass
except TypeError as e:
    print(type(e).__name__, e)

P = ParamSpec("P")
print(repr(P), P.__name__, P.args, P.kwargs, P.args.__origin__ is P, P.args == P.args, P.args == P.kwargs,
      P.kwargs != ParamSpecKwargs(P), P.__module__, repr(ParamSpec("Q", infer_variance=True)))
print(ParamSpecArgs(3), ParamSpecKwargs("x"), type(P.args).__qualname__, ParamSpecArgs(P) == P.args)
for args, kw in [((3,), {}), (("P", int), {}), ((), {})]:
    try:
        print(repr(ParamSpec(*args, **kw)))
    except TypeError as e:
        print(type(e).__name__, e)
try:
    hash(P.args)
except TypeError as e:
    print(type(e).__name__, e)
for what in [P, P.args, P.kwargs]:
    try:
        class S(what):
            pass
    except TypeError as e:
        print(type(e).__name__, e)

Ts = TypeVarTuple("Ts")
print(repr(Ts), Ts.__name__, Ts.__module__, Ts.__reduce__())
for args, kw in [((), {}), ((3,), {}), (("x",), {"bound": int})]:
    try:
        TypeVarTuple(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    Ts.__typing_subst__(int)
except TypeError as e:
    print(type(e).__name__, e)

A = TypeAliasType("A", int)
print(A, A.__name__, A.__value__, A.__type_params__, A.__parameters__, A.__module__, A.__reduce__())
print(A | None, None | A, (A | int).__args__)
try:
    A[int]
except TypeError as e:
    print(type(e).__name__, e)
B = TypeAliasType("B", list, type_params=(T,))
print(B[int], B[int].__origin__ is B, B.__type_params__, B.__parameters__)
for args, kw in [(("A",), {}), ((3, int), {}), (("A", int), {"type_params": [T]})]:
    try:
        TypeAliasType(*args, **kw)
    except TypeError as e:
        print(type(e).__name__, e)
print(_idfunc(42), Generic.__qualname__, Generic.__module__, type(Generic()).__qualname__)

