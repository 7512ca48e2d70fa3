# lang (phase 3): an exception escaping a generator while a for loop consumes it ends the program (exit code 1)
def parse_all(items):
    for s in items:
        yield int(s)
total = 0
for v in parse_all(["1", "2", "three", "4"]):
    total += v
    print("running total", total)
