# str: str() constructor on many types, len, immutability errors, count/isascii, methods as unbound functions
print(str(), str(1), str(-1.5), str(True), str(None), str([1, "a"]), str((1,)), str({"k": [1]}), str(b"ab"), str(1e100))
print(str("x"), str(3 + 0j), str(range(3)), str(slice(1, 2)), str({1, 2}), str(frozenset()), str(str))
print(len(""), len("abc"), len("日本語"), len("🐍"), len("\n\t"), len("a" * 1000))
s = "immutable"
try:
    s[0] = "I"
except TypeError as e:
    print("TypeError:", e)
try:
    del s[0]
except TypeError as e:
    print("TypeError:", e)
try:
    s.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.nomethod()
except AttributeError as e:
    print("AttributeError:", e)
print(str.upper("abc"), str.split("a b"), str.count("aaa", "a"), str.__len__("abcd"), "ab".__contains__("a"))
print("abc".__getitem__(1), "abc".__add__("d"), "ab".__mul__(2), "a".__lt__("b"), "a".__eq__(1))
print(type("x").__name__, isinstance("x", str), "x".isascii(), "é".isascii(), "".isascii())
print("x".__class__ is str, str.__name__, type("".join).__name__)
t = "abc"
u = t
t += "d"
print(t, u, t is not u)
print(" ".join(reversed("one two three".split())), "Title Case Words".swapcase().title())
print(str(b"\xff", "latin-1"), str(object=5), str(b"x", errors="strict"))
try:
    str(1, "utf-8")
except TypeError as e:
    print("TypeError:", e)
