# control: and/or/not return operands (not bools), evaluate left-to-right, and stop as soon as decided
log = []
def t(label, val):
    log.append(label)
    return val
print(t("a", 0) and t("b", 1), log)
log.clear()
print(t("a", 2) and t("b", 3), log)
log.clear()
print(t("a", 0) or t("b", ""), log)
log.clear()
print(t("a", "x") or t("b", 1), log)
log.clear()
print(t("a", 1) and t("b", 0) or t("c", "fallback"), log)
log.clear()
print(t("a", 0) or t("b", 0) and t("c", 1), log)
log.clear()
print(not t("a", []), not t("b", [0]), log)
log.clear()
r = t("a", None) or t("b", []) or t("c", {}) or t("d", "last")
print(r, log)
log.clear()
r = t("a", 1) and t("b", "s") and t("c", [1]) and t("d", 0) and t("e", 5)
print(r, log)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0.0 or "", [] or [1] or [2], "" and 1/0, 1 or 1/0)
d = {}
val = d.get("k") or "default"
print(val)
name = ""
print(name or "anonymous", (name and name.upper()) or "-", bool(name and 1))
x = 5
print(x > 3 and "big" or "small", x > 10 and "big" or "small", (x > 3) + (x > 4), x and 0)
items = []
print(items and items[0], len(items) > 0 and items[0] or None)
print(type(1 and 2.5).__name__, type(0 or "s").__name__, type(not 5).__name__)
if t("cond1", 0) or t("cond2", 1) and t("cond3", 1):
    print("taken", log[-3:])
