# func: functions as first-class values: passing, returning, storing in containers, hand-written reduce/compose/partial
def reduce(fn, seq, init):
    acc = init
    for x in seq:
        acc = fn(acc, x)
    return acc
print(reduce(lambda a, b: a + b, range(10), 0), reduce(lambda a, b: a * b, range(1, 8), 1), reduce(max, [3, 9, 2], 0))
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7), compose(str, abs, inc)(-10))
def partial(fn, *pa, **pk):
    def call(*a, **k):
        return fn(*pa, *a, **{**pk, **k})
    return call
def power(base, exp, mod=None):
    return pow(base, exp, mod)
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(9), two_to(10), two_to(10, 1000), partial(print, "partial", sep=":")("print"))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in ops:
            b, a = st.pop(), st.pop()
            st.append(ops[tok](a, b))
        else:
            st.append(int(tok))
    return st[0]
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("7 2 /"))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
s = "  Hello World  "
for step in pipeline:
    s = step(s)
print(s)
print(sorted(["b", "A", "c"], key=str.lower), list(map(len, ["a", "bb"])), max(["x", "yyy"], key=len))
def apply_n(fn, n):
    def run(x):
        for _ in range(n):
            x = fn(x)
        return x
    return run
print(apply_n(dbl, 10)(1), apply_n(inc, 0)(5), apply_n(lambda s: s + "!", 3)("hey"))
print(callable(len), callable(lambda: 0), callable(5), callable("s"), callable(str.upper))
