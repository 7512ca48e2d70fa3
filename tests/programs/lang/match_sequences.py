# lang (phase 3): sequence patterns: fixed length, star captures, nested, type-constrained; str is not a sequence here
def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"pair: {x}, {y}"
        case [first, *middle, last] if not middle:
            return "impossible"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *middle, last]:
            return f"first {first}, middle {middle}, last {last}"
        case _:
            return "not a sequence"
for v in [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7], "abc", range(4), {"a": 1}, 42, b"ab"]:
    print(repr(v), "->", shape(v))
def nested(v):
    match v:
        case [(a, b), [c, *_]]:
            return a + b + c
        case [int(n), str(s)]:
            return s * n
        case [[]]:
            return "list holding empty list"
    return None
print(nested([(1, 2), [3, 4, 5]]), nested([3, "ab"]), nested([[]]), nested([1, 2, 3]))
match (1, [2, 3]):
    case (a, [b, c]) as whole:
        print(a, b, c, whole)
