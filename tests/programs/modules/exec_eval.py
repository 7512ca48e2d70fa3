# exec, eval and compile: namespaces, modes, code objects, errors.
x = 10
print(eval("x + 1"))
print(eval("  x * 2"))
exec("y = x + 5")
print(y)
ns = {"a": 3}
exec("b = a * 2\nc = b + 1", ns)
print(ns["b"], ns["c"], "__builtins__" in ns, sorted([k for k in ns if k != "__builtins__"]))
g = {"v": 1}
l = {"v": 2}
exec("w = v", g, l)
print(l["w"], "w" in g)
print(eval("v", g, l), eval("v", g))
print(eval("[i * i for i in range(4)]"))
code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, code.co_filename, code.co_name, eval(code))
code = compile("z = 7\nprint('in exec', z)", "myfile", "exec")
print(code.co_filename)
d = {}
exec(code, d)
print(d["z"])
print(exec("1"))
exec(compile("print('single', 3 * 3)", "<s>", "single"))


def f():
    local_var = 42
    print(eval("local_var + 1"))
    exec("local_var = 0; other = 1")
    print(local_var)
    return locals().get("other", "missing")


print(f())

try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text))
    print(str(e))
    print(e.args[0], e.args[1][:3])

try:
    exec("def f(:\n  pass", {})
except SyntaxError as e:
    print(e)

try:
    compile("if x:\npass", "fname.py", "exec")
except IndentationError as e:
    print(type(e).__name__, e)

try:
    compile("x", "f", "nope")
except ValueError as e:
    print(e)

try:
    exec(42)
except TypeError as e:
    print(e)

try:
    eval(None)
except TypeError as e:
    print(e)

try:
    exec("pass", [])
except TypeError as e:
    print(e)

try:
    eval("1", {}, 5)
except TypeError as e:
    print(e)

try:
    exec("print(len('abc'))", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
exec("print(len('abc'))", {"__builtins__": {"print": print, "len": len}})

try:
    eval("undefined_name")
except NameError as e:
    print(e)

src = b"print('from bytes', 1)"
exec(src)
print(eval(b"2 ** 10"))
exec("import imphelp.plain as q\nprint(q.twice(8))")
print(eval("__name__"), eval("__name__", {}))
