# exc: StopIteration from next() on exhausted iterators, its value, and iteration helpers that swallow it
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args, e.value, repr(e))
s = StopIteration("done", 2)
print(s.value, s.args, str(s))
print(StopIteration().value, StopIteration(None).value, StopIteration([1]).value)
for container in [[], (), "", {}, set(), range(0), b""]:
    try:
        next(iter(container))
    except StopIteration as e:
        print(type(container).__name__, "empty ->", repr(e))
print(next(iter([]), "default"), next(iter("a"), "default"), list(iter([])))
m = map(int, [])
try:
    next(m)
except StopIteration:
    print("map exhausted")
z = zip([1], [2])
print(next(z))
try:
    next(z)
except StopIteration:
    print("zip exhausted")
e = enumerate([])
print(next(e, ("none", "left")))
def manual_loop(seq):
    it = iter(seq)
    out = []
    while True:
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out
print(manual_loop("abc"), manual_loop([]))
try:
    raise StopIteration(42)
except StopIteration as e:
    print("raised manually:", e.value)
