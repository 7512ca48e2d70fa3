# control: assignment expressions (:=) in if/while/comprehensions/calls, scope of comprehension targets
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print(n)
it = iter(data)
total = 0
while (v := next(it, None)) is not None:
    total += v
print(total, v)
print([y for x in data if (y := x * 2) > 6], y)
print([last := x for x in range(4)], last)
def f():
    r = [(acc := x) for x in range(3)]
    s = [q := 10, q + 1]
    return s, q, r, acc
print(f())
print((a := 5), a + 1, (b := a * 2) + b)
vals = []
while (line := ("abc"[len(vals)] if len(vals) < 3 else "")):
    vals.append(line.upper())
print(vals)
print([(x, sq) for x in range(6) if (sq := x * x) % 2 == 0])
def count_calls():
    count = 0
    def inc():
        nonlocal count
        return (count := count + 1)
    return inc
inc = count_calls()
print(inc(), inc(), inc())
z = [1, 2, 3]
print(sum(z) if (m := max(z)) > 2 else 0, m)
print(f"{(w := 'walrus')!r}", w)
print([[j := i * 10, j + 1] for i in range(3)], j)
