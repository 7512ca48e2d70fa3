# iter: iter() on builtins, iter(callable, sentinel), next() with default, StopIteration, exhausted iterators
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args, e.value)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)), counter)
lines = ["a", "b", "", "c"]
pos = [0]
def readline():
    v = lines[pos[0]]
    pos[0] += 1
    return v
print(list(iter(readline, "")), pos)
for bad in [lambda: iter(5), lambda: iter(None), lambda: next([1]), lambda: iter(5, 1), lambda: next(iter([]))]:
    try:
        bad()
    except (TypeError, StopIteration) as e:
        print(type(e).__name__ + ":", e)
s = iter("xy")
print(iter(s) is s, list(s), list(s))
for obj in [[1], (1,), "a", b"a", {1: 2}, {1}, range(1), {1: 2}.items(), frozenset([1]), bytearray(b"a")]:
    i = iter(obj)
    print(type(i).__name__, next(i), next(i, "end"))
d = iter({"a": 1, "b": 2}.values())
print(next(d), next(d), next(d, "end"))
it3 = iter(range(3))
for x in it3:
    if x == 0:
        print("skip", next(it3))
    else:
        print("got", x)
