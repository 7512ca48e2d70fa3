# str: the is*() predicates over ASCII, digits of other scripts, fractions, whitespace, identifiers
samples = ["", "abc", "ABC", "Abc", "abc123", "123", "12.5", "-1", " ", " \t\n", "\x0b\x0c\x1c\x85\xa0\u2003\u3000",
           "١٢٣", "²³", "½", "Ⅻ", "一二三", "日本", "é", "ǅ", "Hello World", "Hello world", "hello_world", "_x",
           "1x", "x1", "class", "def_", "αβγ", "a b", "ABC1", "abc!", "\u0660", "٣x", "MiXeD", "A1B2", "🐍",
           "\x00", "ab\u0301"]
names = ["isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace", "isupper", "islower",
         "istitle", "isidentifier", "isprintable", "isascii"]
print(" ".join([n[2:] for n in names]))
for s in samples:
    row = ["T" if getattr(s, n)() else "." for n in names]
    print("".join(row), repr(s))
