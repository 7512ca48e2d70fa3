# str: replace with counts (incl. 0 and negative), empty old/new strings, overlapping patterns
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 1), s.replace("one", "1", 0), s.replace("one", "1", -1), s.replace("one", "1", 2))
print(s.replace("z", "x"), s.replace(" ", ""), s.replace("o", "oo"), s.replace("two", ""))
print("abc".replace("", "-"), "abc".replace("", "-", 2), "".replace("", "x"), "".replace("a", "b"), "abc".replace("", ""))
print("aaaa".replace("aa", "b"), "aaaaa".replace("aa", "b"), "aaa".replace("a", "aa"), "abab".replace("ab", "ba"))
print("日本日本".replace("日", "月"), "x🐍y🐍".replace("🐍", "snake", 1), "ab".replace("b", "日本"))
print(s.replace("one", "ONE").replace("ONE", "1", 2))
try:
    s.replace("a")
except TypeError as e:
    print("TypeError:", e)
try:
    s.replace(1, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    s.replace("o", "x", "1")
except TypeError as e:
    print("TypeError:", e)
t = "The rain in Spain stays mainly in the plain"
for old, new in [("ain", "AIN"), ("in", ""), ("a", "aa"), (" ", "_"), ("the", "a")]:
    print(t.replace(old, new))
text = "x" * 10
for c in range(0, 12, 3):
    print(c, text.replace("x", "yz", c))
