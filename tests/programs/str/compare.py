# str: ordering and equality of strings (code point order, prefixes, case, non-ASCII), min/max/sorted
pairs = [("a", "b"), ("b", "a"), ("a", "a"), ("a", "ab"), ("ab", "a"), ("", "a"), ("", ""), ("A", "a"), ("Z", "a"),
         ("abc", "abd"), ("é", "z"), ("日", "🐍"), ("10", "9"), ("a\x00", "a"), ("ß", "ss"), (" ", "")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
words = ["banana", "Apple", "cherry", "apple", "Banana", "äpfel", "zebra", "", "123", "_x"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, reverse=True))
print(min(words), max(words), min(words, key=len), max(words, key=lambda w: w[::-1]))
print("abc" < "abcd" < "abd", "a" < "b" > "a", ["a", "b"] < ["a", "c"], ("x",) < ("x", ""))
x = "hel" + "lo"
print(x == "hello", x != "hello", "hello" == "hello ", hash(x) == hash("hello"))
try:
    print("a" < 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" >= None)
except TypeError as e:
    print("TypeError:", e)
print("a" == 1, "1" == 1, "" == None, "a" != b"a")
