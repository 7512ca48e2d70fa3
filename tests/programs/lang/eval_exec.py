# lang (phase 3): eval/exec/compile at run time: expressions, statements, explicit globals/locals, syntax errors
print(eval("1 + 2 * 3"), eval("[x * x for x in range(4)]"), eval("a + b", {"a": 1, "b": 2}), eval("len(s)", {"s": "abc"}))
ns = {}
exec("def f(x):\n    return x * 10\ny = f(4)", ns)
print(ns["y"], ns["f"](5), sorted(k for k in ns if k != "__builtins__"))
g = {"v": 1}
l = {"v": 2}
print(eval("v", g, l), eval("v", g))
exec("w = v + 100", g, l)
print(l["w"], "w" in g)
code = compile("x + 1", "<expr>", "eval")
print(type(code).__name__, eval(code, {"x": 41}), code.co_filename)
code2 = compile("for i in range(3): total += i", "<loop>", "exec")
env = {"total": 0}
exec(code2, env)
print(env["total"])
for src in ["1 +", "def", "x = = 1", "(1, 2"]:
    try:
        compile(src, "<bad>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.filename)
try:
    eval("undefined_name_zz")
except NameError as e:
    print("NameError:", e)
print(eval("__name__"), eval("1 if True else 2"), exec("pass"), eval(" 7 "))
