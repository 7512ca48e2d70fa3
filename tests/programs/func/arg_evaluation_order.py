# func: evaluation order: callee before args, args left-to-right, defaults once, keyword args in source order
log = []
def t(label, v=None):
    log.append(label)
    return v if v is not None else label
def f(*a, **k):
    return a, k
def get_f():
    log.append("callee")
    return f
print(get_f()(t("a"), t("b"), x=t("x"), *[t("star")], **{"kw": t("dstar")}), log)
log.clear()
r = t("1", 1) + t("2", 2) * t("3", 3)
print(r, log)
log.clear()
d = {t("k1"): t("v1"), t("k2"): t("v2")}
print(d, log)
log.clear()
lst = [t("e0"), t("e1")]
lst[t("i", 0)] = t("rhs")
print(lst, log)
log.clear()
x = t("cond", True) and t("then") or t("else")
print(x, log)
log.clear()
def deflt(a=t("default evaluated at def")):
    return a
print(log)
log.clear()
print(deflt(), deflt(), log)
log.clear()
obj = {"a": [0, 0]}
obj[t("key", "a")][t("idx", 1)] += t("inc", 5)
print(obj, log)
log.clear()
s = f"{t('f1')}{t('f2')}"
print(s, log)
