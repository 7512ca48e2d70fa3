# str: startswith/endswith with tuples, start/end ranges, empty prefixes, and TypeErrors
s = "hello world"
print(s.startswith("hello"), s.startswith("world"), s.startswith(""), s.endswith("world"), s.endswith("ld"), s.endswith(""))
print(s.startswith("world", 6), s.startswith("wor", 6, 8), s.startswith("wor", 6, 9), s.endswith("hello", 0, 5), s.endswith("hello", 0, 4))
print(s.startswith(("x", "he")), s.startswith(("x", "y")), s.endswith(("d", "z")), s.startswith(()), s.endswith(("",)))
print(s.startswith("o", -5), s.endswith("o", -100, -6), s.startswith("", 11), s.startswith("", 12), s.endswith("", 5, 3))
print(s.startswith("h", None), s.endswith("d", None, None), "".startswith(""), "".endswith("a"))
print("日本語".startswith("日本"), "日本語".endswith("語"), "🐍x".startswith("🐍"), "🐍x".endswith("x", 1))
for bad in [1, ["he"], ("he", 1), None]:
    for m in [s.startswith, s.endswith]:
        try:
            m(bad)
        except TypeError as e:
            print("TypeError:", e)
files = ["a.py", "b.txt", "c.PY", "d.pyc", "e.rs"]
print([f for f in files if f.endswith((".py", ".rs"))], [f for f in files if f.lower().endswith(".py")])
print([f for f in files if f.startswith(("a", "c", "e"), 0, 1)])
