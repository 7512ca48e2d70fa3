# str: str.maketrans forms (dict, two strings, three strings) and translate with deletions and mappings
t1 = str.maketrans("abc", "xyz")
print(sorted(t1.items()), "aabbcc-abc".translate(t1))
t2 = str.maketrans("ab", "AB", "xyz")
print(sorted(t2.items()), "axbycz".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, "c": "ccc", 100: "D", "é": "e"})
print(sorted(t3.items()), "abcdé".translate(t3))
print("hello".translate({ord("l"): "L"}), "hello".translate({108: None}), "hello".translate({}), "".translate(t1))
print("hello".translate({104: 72, 101: "3"}), "日本".translate({ord("日"): "sun "}))
for args in [("ab", "c"), (1,), ({"ab": 1},), ("a", "b", 1)]:
    try:
        str.maketrans(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    "abc".translate({97: 1.5})
except TypeError as e:
    print("TypeError:", e)
leet = str.maketrans("aeiost", "431057")
print("leetspeak is a toast to these sites".translate(leet))
strip_punct = str.maketrans("", "", ",.!?;:")
print("Hello, world! How are you; fine?".translate(strip_punct))
