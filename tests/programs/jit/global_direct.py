# Global and builtin loads compiled with their guard inline: a global rebound (same key layout,
# new value), a global added or deleted (new key layout), a builtin shadowed by a global and
# unshadowed again, builtins replaced, and one code object run with two different globals.
import builtins

K = 3


def use_k(n):
    s = 0
    for i in range(n):
        s += K + len("ab")
    return s


print(use_k(1000))
K = 10
print(use_k(1000))
NEW_GLOBAL = 1  # adds a key: the globals' layout changes
print(use_k(1000))
del NEW_GLOBAL
print(use_k(1000))


def len(x):  # shadows the builtin
    return 100


print(use_k(1000))
del len
print(use_k(1000))
builtins.my_extra = 5  # changes the builtins' layout
print(use_k(1000))
del builtins.my_extra

# One code object (the inner function's, a constant of the module code) run with two globals.
code = compile("""
def f(n):
    s = 0
    for i in range(n):
        s += G
    return s
""", "<shared>", "exec")
ns1 = {"G": 1}
ns2 = {"G": 2, "other": 0}
exec(code, ns1)
exec(code, ns2)
print(ns1["f"].__code__ is ns2["f"].__code__)
for _ in range(3):
    print(ns1["f"](700), ns2["f"](700))
del ns2["G"]
try:
    ns2["f"](700)
except NameError as e:
    print(type(e).__name__, e)
print(ns1["f"](700))
