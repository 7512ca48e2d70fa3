# lang (phase 3): dataclasses and enum from the stdlib: generated __init__/__repr__/__eq__/ordering, enum members and values
import dataclasses
import enum
@dataclasses.dataclass(order=True)
class Item:
    price: float
    name: str = "unnamed"
    tags: list = dataclasses.field(default_factory=list)
a = Item(1.5, "apple")
b = Item(0.5)
print(a, b, a == Item(1.5, "apple"), sorted([a, b]), dataclasses.asdict(a), [f.name for f in dataclasses.fields(Item)])
b.tags.append("cheap")
print(b.tags, Item(1).tags)
@dataclasses.dataclass(frozen=True)
class Frozen:
    x: int
f = Frozen(1)
try:
    f.x = 2
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(f) == hash(Frozen(1)), dataclasses.replace(f, x=5))
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.BLUE, Color))
class Flag(enum.IntFlag):
    R = 4
    W = 2
    X = 1
perm = Flag.R | Flag.W
print(perm, int(perm), Flag.W in perm, Flag.X in perm)
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
