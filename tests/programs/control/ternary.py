# control: conditional expressions: laziness of the untaken branch, nesting, precedence with lambda/or
log = []
def t(v):
    log.append(v)
    return v
print(t("yes") if True else t("no"), t("yes2") if 0 else t("no2"), log)
def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-2, 0, 3)])
x = 7
print("odd" if x % 2 else "even", (1 if x > 5 else 2) * 10, 1 if x > 5 else 2 * 10, [x if x > 5 else -x])
print((lambda v: "big" if v > 100 else "small")(500), 0 or 5 if False else 6, (0 or 5) if True else 6)
print("a" if "" else "b" if [] else "c" if {} else "d")
vals = [3, -1, 0, 8]
print([v if v > 0 else 0 for v in vals], [v for v in vals if v] if vals else [], max(vals) if vals else None)
y = None
print(y.upper() if y is not None else "none", 1 / x if x else float("inf"))
msg = "%d item%s" % (x, "" if x == 1 else "s")
print(msg)
print(f"{'on' if x else 'off'}", ("t" if x else "f").upper())
