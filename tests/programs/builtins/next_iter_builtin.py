# builtins: next() default argument, iter() on iterators returns itself, iter(callable, sentinel) stopping rules
it = iter("ab")
print(next(it), next(it, None), next(it, None), next(it, "x"))
print(iter(it) is it, iter(iter(it)) is it)
values = [3, 2, 1, 0, -1]
def pop_front():
    return values.pop(0)
print(list(iter(pop_front, 0)), values)
calls = []
def once():
    calls.append(1)
    return len(calls)
it2 = iter(once, 3)
print(next(it2), next(it2), next(it2, "sentinel reached"), next(it2, "stays exhausted"), calls)
def raises():
    raise StopIteration
print(list(iter(raises, None)))
for bad in [lambda: iter(5, 0), lambda: next(5), lambda: next(), lambda: iter()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
d = {"a": 1}
di = iter(d)
print(next(di), next(di, "end"))
r = iter(range(3))
print(next(r), list(r), next(r, "empty"))
