# str: find/rfind/index/rindex/count with start/end ranges (incl. negative and out of range), errors
s = "abracadabra"
for sub in ["a", "abra", "cad", "z", "", "ra", "bra"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 1), s.rfind(sub, 0, 8), s.count(sub, 2, -2), s.find(sub, -4), s.rfind(sub, -100, 100))
print(s.find("a", 11), s.find("", 11), s.find("", 12), s.rfind("", 5), s.count("", 3, 6), "".count(""), "".find(""))
print(s.find("a", 5, 3), s.count("a", 5, 3), s.rfind("a", 3, 3), s.find("", 5, 3))
print(s.index("c"), s.rindex("a"), s.index("a", 1), s.rindex("a", 0, -1), s.index("dab", -5))
for args in [("x",), ("a", 11), ("abra", 1, 7), ("c", -3)]:
    for m in [s.index, s.rindex]:
        try:
            m(*args)
        except ValueError as e:
            print("ValueError:", e)
print("aaaa".count("aa"), "aaaaa".count("aa"), "ababab".count("aba"), "日本日本".count("日本"))
print(s.find("a", None, None), s.find("a", None, 3), s.count("a", None), s.find("b", True))
try:
    s.find(1)
except TypeError as e:
    print("TypeError:", e)
try:
    s.count("a", "1")
except TypeError as e:
    print("TypeError:", e)
print("a" in s, "cad" in s, "" in s, "abc" in s, "A" in s, "" in "")
try:
    1 in s
except TypeError as e:
    print("TypeError:", e)
text = "the cat sat on the mat with the hat"
pos = []
i = text.find("the")
while i != -1:
    pos.append(i)
    i = text.find("the", i + 1)
print(pos, text.rfind("at"), text.rindex("the"), text.count("at"), text.count(" "))
