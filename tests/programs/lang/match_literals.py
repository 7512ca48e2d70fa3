# lang (phase 3): match statement with literal, capture, wildcard, value (dotted) and OR patterns
import sys
class Color:
    RED = "red"
    GREEN = "green"
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case True:
            return "true?"
        case None:
            return "none"
        case "hello":
            return "greeting"
        case Color.RED:
            return "the color red"
        case 1.5:
            return "one and a half"
        case -1:
            return "minus one"
        case b"bytes":
            return "bytes literal"
        case str() if len(v) > 5:
            return "long string"
        case other:
            return f"other: {other!r}"
for v in [0, 1, 3, True, False, None, "hello", "red", "green", 1.5, -1, b"bytes", "abcdefg", 99, 0.0, 2.0]:
    print(repr(v), "->", describe(v))
match sys.argv[1:]:
    case []:
        print("no extra args")
    case _:
        print("args")
x = 5
match x:
    case _:
        print("wildcard always matches")
