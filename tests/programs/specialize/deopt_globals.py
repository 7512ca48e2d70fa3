# Globals and builtins that change under specialized LOAD_GLOBAL / LOAD_ATTR_MODULE.
import math

SCALE = 2

def scaled(x):
    return x * SCALE

print([scaled(i) for i in range(60)][-1])
SCALE = 10
print(scaled(3))
del SCALE
try:
    scaled(3)
except NameError as e:
    print("NameError", e)
SCALE = 0.5
print(scaled(3))

def length(x):
    return len(x)

print(sum(length("abc") for _ in range(60)))
len = lambda x: 42          # a global now shadows the builtin
print(length("abc"))
del len
print(length("abcd"))
import builtins
old = builtins.len
builtins.len = lambda x: -1  # the builtin itself is replaced
print(length("abc"))
builtins.len = old
print(length("abc"))

for i in range(100):     # many new globals: the globals dict grows and is rebuilt
    globals()["g%d" % i] = i
print(scaled(4), g99)

def root(x):
    return math.sqrt(x)

print([root(4.0) for _ in range(60)][-1])
math.sqrt = lambda x: "patched"
print(root(4.0))
del math.sqrt
try:
    root(4.0)
except AttributeError as e:
    print("AttributeError", e)

COUNT = 0
def bump():
    global COUNT
    COUNT += 1
    return COUNT
for _ in range(100):
    bump()
print(COUNT)
