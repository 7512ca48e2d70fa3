# format: f-string expressions, conversions !r !s !a, quotes nesting (3.12), escapes and multi-line f-strings
name = "Ann"
age = 30
items = ["x", "y"]
d = {"k": "v", "n": 5}
print(f"{name} is {age}", f"{age + 1}", f"{age * 2 - 10}", f"{name.upper()}", f"{len(items)}", f"{items[0]}{items[-1]}")
print(f"{d['k']}", f"{d["n"]}", f'{d["k"]}', f"{'nested'}", f"{f'{name}'}", f"{f"{f"{age}"}"}")
print(f"{name!r}", f"{name!s}", f"{'é'!a}", f"{'é'!r}", f"{items!r}", f"{3.0!s}", f"{None!r}")
print(f"{{literal}}", f"{{{age}}}", f"}}{{", f"{age}{{}}")
print(f"{'a' if age > 18 else 'm'}", f"{(lambda x: x * 2)(4)}", f"{[i * i for i in range(4)]}", f"{ {'a': 1}['a'] }")
print(f"{name:>6}|", f"{age:05}", f"{3.14159:.2f}", f"{age:x}", f"{age:#b}")
print(f"tab\there", f"newline\\n", f"{'\n'.join(['a', 'b'])}", rf"raw\n{age}", fr"{age}\t")
x = 5
print(f"{x}", f"{x!r:>4}", f"{-x}", f"{x ** 2}", f"{x if x else 0}", f"{x, x}", f"{(x, x)}")
text = (
    f"multi "
    f"part {x} "
    "plain {x} "
    f"end"
)
print(text)
print(f"""triple {x}
second line {name}""")
print(f"{name = }", f"{name=}", f"{age=}", f"{age = }", f"{age=:>5}", f"{name=!s}", f"{1 + 1=}")
print(f"{'quote\"inside'}", f'{"it\'s"}', f"{chr(65)}{chr(0x1F40D)}", f"{'':>3}|")
print(f"{3 + 4j}", f"{True}", f"{b'bytes'}", f"{[1, 'a']}", f"{ {1: 2} }", f"{(1,)}", f"{range(3)}")
w = 8
print(f"{'dynamic':>{w}}|", f"{3.14159:{w}.{w - 5}f}|", f"{name:{'^'}{w}}|")
print(type(f"{x}").__name__, f"" == "", len(f"{'':10}"))
