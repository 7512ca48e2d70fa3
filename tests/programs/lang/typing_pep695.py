# PEP 695 syntax: type parameters of functions (def f[T]), lazily evaluated bounds and
# constraints, type statements; no typing.py import needed
def first[X, Y: int, Z: (str, bytes), *Rest, **Params](x: X) -> X:
    return x


X, Y, Z, Rest, Params = first.__type_params__
print(first(3), first.__type_params__, X.__infer_variance__, Y.__bound__, Z.__constraints__, Z.__bound__,
      Y.__constraints__, type(Rest).__qualname__, type(Params).__qualname__, X.__module__)


def lazy[B: Undefined]():
    pass


(LB,) = lazy.__type_params__
try:
    LB.__bound__
except NameError as e:
    print(type(e).__name__, e)

type Plain = int | None
type Pair[K, V] = dict[K, V]
print(Plain, Plain.__value__, Plain.__type_params__, Pair.__type_params__, Pair.__value__, Pair.__module__,
      Pair[str, int], type(Plain).__qualname__)
type Rec = list[Rec]
print(Rec.__value__)
