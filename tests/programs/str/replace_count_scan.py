# replace() and count() find their needles 16 positions at a time (first and last byte
# compared, then the whole needle): needles of every length at block edges and in the tail,
# overlapping candidates, limits, non-ASCII text, NUL bytes, and results that are `self`.

x = 7
alphabet = "ab\x00é日 and"
cases = ["", "a", "and", "andand", "aaaa", "x" * 40 + "and" + "y" * 40, "and " * 50, "é日" * 30]
for n in range(300):
    s = []
    x = (x * 1103515245 + 12345) % 2147483648
    for i in range(x % 120):
        x = (x * 1103515245 + 12345) % 2147483648
        s.append(alphabet[(x >> 16) % len(alphabet)])
    cases.append("".join(s))
res = []
for c in cases:
    for old in ("and", "a", "aa", "aaa", "é", "日a", "\x00", "an", "nd a", "é日é", "x" * 20):
        for new in ("&", "", "XYZW", old):
            res.append(c.replace(old, new))
            res.append(c.replace(old, new, 2))
            res.append(c.replace(old, new, 0))
        res.append(c.count(old))
        res.append(c.count(old, 3, 50))
print(len(res), sum(len(r) if isinstance(r, str) else r for r in res))
print(res[:40])
print(repr("".replace("", "x")), "abc".replace("", "-"), "abc".replace("", "-", 2), "aaa".count(""), "aaaa".count("aa"))
s = "hello world " * 3
print(s.replace("zz", "y") is s, s.replace("l", "l") is s, s.replace("l", "L", 0) is s)
