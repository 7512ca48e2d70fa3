# typing.py: generic aliases, unions, Generic/Protocol/NamedTuple/TypedDict, PEP 695 classes and type statements
import typing
from typing import (Any, Callable, ClassVar, Dict, Final, Generic, List, Literal, NamedTuple,
                    Optional, Protocol, Tuple, TypedDict, TypeVar, Union, cast, get_args,
                    get_origin, get_type_hints, overload, runtime_checkable, NewType, Annotated)
T = TypeVar("T")
K = TypeVar("K")
print(List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None], Tuple[int, ...])
print(Callable[[int, str], bool], Callable[..., int], Literal[1, "a"], Annotated[int, "meta"])
print(get_origin(List[int]), get_args(Dict[str, int]), get_args(int | str), get_origin(int | str))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], int | str == Union[int, str])
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
print(Box[int], Box[int](3).item, Box.__parameters__, Box[int].__origin__ is Box)
class Pair(Generic[K, T]):
    pass
print(Pair[str, int], Pair[str, T][int])
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p.x, p.y, Point._fields, Point(2, 3)._replace(x=5), p._asdict())
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {"title": "x", "year": 1}
print(m, Movie.__annotations__, Movie.__required_keys__ == frozenset({"title", "year"}))
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
UserId = NewType("UserId", int)
print(UserId(5), UserId)
def f(a: int, b: "str" = "x") -> List[int]: return [a]
print(get_type_hints(f))
print(cast(int, "x"), typing.TYPE_CHECKING, Any, ClassVar[int], Final[int])
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(3))
class Stack[T]:
    def push(self, x: T) -> None: pass
print(Stack[int], Stack.__type_params__)
type IntList = list[int]
print(IntList.__value__)
print(List[T][int], typing.Sequence[int], typing.Iterable[str], typing.Mapping[str, int])
print(isinstance([], typing.Sequence), issubclass(list, typing.Iterable), isinstance({}, typing.Mapping))
