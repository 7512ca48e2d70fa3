# str: iterating over strings with for/enumerate/zip/reversed/sorted/set, membership, counting chars
s = "mississippi"
for ch in s[:4]:
    print(ch, end=",")
print()
for i, ch in enumerate(s):
    if ch == "s":
        print(i, end=" ")
print()
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(reversed(s)), sorted(set(s)), len(set(s)), list(zip(s, s[1:]))[:4])
print(list("abc"), tuple("日本"), [c * 2 for c in "xyz"], {c: ord(c) for c in "ab"}, [c for c in ""])
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print("".join([c for c in "a1b2c3" if c.isdigit()]), "".join(filter(str.isalpha, "a1b2c3")))
print(list(map(str.upper, "abc")), any([c.isupper() for c in "abC"]), all([c.islower() for c in "abC"]))
word = "level"
print(word == word[::-1], [w for w in ["racecar", "python", "noon", ""] if w == w[::-1]])
vowels = 0
for c in "The Quick Brown Fox":
    if c.lower() in "aeiou":
        vowels += 1
print(vowels)
total = 0
for line in "1 2 3\n4 5\n6".split("\n"):
    for tok in line.split():
        total += int(tok)
print(total)
print(min("hello"), max("hello"), sum([1 for _ in "🐍🐍🐍"]), len(list(iter("日本語"))))
