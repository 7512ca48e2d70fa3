# set: exact error messages: unhashable members, KeyError, size change during iteration, unsupported ops
one = {1}
cases = [("unhashable add", lambda: {1}.add([])), ("unhashable literal", lambda: {1, {}}), ("remove", lambda: set().remove(1)),
         ("pop", lambda: set().pop()), ("index", lambda: one[0]), ("plus", lambda: {1} + {2}), ("mul", lambda: {1} * 2),
         ("lt list", lambda: {1} < [1]), ("set args", lambda: set(1, 2)), ("frozen add", lambda: frozenset().add(1)),
         ("sort", lambda: sorted([{1}, {2}, {1, 2}, "x"]))]
for name, f in cases:
    try:
        print(name, f())
    except Exception as e:
        print(name, "->", type(e).__name__ + ":", e)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
t = {1, 2, 3}
try:
    for x in t:
        t.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted([{1}, {2}, {1, 2}], key=len), {1} < {1, 2}, sorted([{1, 2}, {1}], key=sorted))
