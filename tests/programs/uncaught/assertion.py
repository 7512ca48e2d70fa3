# uncaught: failing assert with a message: "AssertionError: <message>"
total = sum([1, 2, 3])
assert total == 6, "sum ok"
assert total == 7, f"expected 7, got {total}"
