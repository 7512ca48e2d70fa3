# str: indexing, slicing, len and reversal of non-ASCII strings (2-, 3-, 4-byte UTF-8 code points)
s = "héllo wörld — 日本語 🐍🎉!"
print(len(s), s[1], s[7], s[13], s[14:17], s[-3], s[-2], s[-1])
print(s[::-1])
print(s[::2], s[1::3], s[-4::-2])
print([c for c in s if ord(c) > 127])
print([ord(c) for c in s[-4:]])
for i in range(len(s)):
    if s[i] != s[i - len(s)]:
        print("mismatch", i)
print(s.upper(), s.title())
print(s.find("日"), s.find("🐍"), s.index("!"), s.count("l"), s.rfind("ö"))
print(s.split(" "), s.encode("utf-8")[:10], len(s.encode("utf-8")), len(s.encode("utf-16-le")))
t = "a\u0301"  # combining acute accent: two code points
print(len(t), t[::-1] == "\u0301a", [hex(ord(c)) for c in t])
e = "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"
print(len(e), e[2], e[-1], e[1:3], e[::-1], e.isalpha())
mixed = "aé日🐍" * 3
print(mixed[3::4], mixed[1:10:3], mixed[-1], mixed.replace("🐍", "S"), len(mixed))
print("ß".upper(), "ǅ".lower(), "ǅ".upper(), "ﬁ".upper(), len("ﬁ".upper()))
print("\u00e9" == "e\u0301", sorted("cäbaé"), max("aé日🐍"), min("日🐍z"))
print("日本" + "語", "日" * 3, "語" in "日本語", "本日" in "日本語")
