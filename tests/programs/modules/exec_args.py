# exec/eval/compile argument errors, worded as CPython 3.12.
for f in (exec, eval):
    try:
        f("1", globals={})
    except TypeError as e:
        print(e)
try:
    exec()
except TypeError as e:
    print(e)
try:
    eval()
except TypeError as e:
    print(e)
try:
    exec("1", {}, {}, {})
except TypeError as e:
    print(e)
try:
    compile("1")
except TypeError as e:
    print(e)
try:
    eval("1", None, None, closure=None)
except TypeError as e:
    print(e)
try:
    exec("1", foo=1)
except TypeError as e:
    print(e)
try:
    eval("1", 2, 3, 4)
except TypeError as e:
    print(e)
