# list: exact messages of IndexError/TypeError/ValueError raised by list operations
one = [1]
cases = [
    ("index", lambda: [1, 2][5]), ("neg index", lambda: [1, 2][-3]), ("assign", lambda: [].__setitem__(0, 1)),
    ("del", lambda: [].__delitem__(0)), ("pop empty", lambda: [].pop()), ("pop range", lambda: [1].pop(3)),
    ("str index", lambda: one["a"]), ("float index", lambda: one[1.0]), ("none index", lambda: one[None]),
    ("remove", lambda: [1].remove(2)), ("index()", lambda: [1].index(2)), ("hash", lambda: hash([])),
    ("mul float", lambda: [1] * 2.0), ("call", lambda: one()), ("attr", lambda: [].push(1)),
    ("set attr", lambda: setattr([], "x", 1)), ("unpack", lambda: [x for x in 5]), ("sort mixed", lambda: sorted([1, "a"])),
    ("big index", lambda: [1][2**100]), ("slice str", lambda: [1]["a":]), ("insert args", lambda: [].insert()),
    ("list args", lambda: list(1, 2)), ("cmp", lambda: [1] < 1), ("neg sum", lambda: -[1]),
]
for name, f in cases:
    try:
        f()
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", e)
