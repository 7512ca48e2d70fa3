# str: upper/lower/title/capitalize/swapcase/casefold on ASCII and Unicode (ß, final sigma, titlecase digraphs)
samples = ["hello World", "HELLO", "hello", "", "123abc", "o'neil is here", "they're bill's friends",
           "ß straße", "ΣΑΣ ΟΔΥΣΣΕΥΣ", "ǆemal ǅ Ǆ", "ﬁne ﬂow", "İstanbul", "Ⅻ ⅻ", "a1b2_c3", "mIxEd CaSe 99",
           "ŉ", "hello\tworld\nnext", "123 456", "élan ÉLAN", "x-ray/y_ray"]
for s in samples:
    print(repr(s), repr(s.upper()), repr(s.lower()), repr(s.title()), repr(s.capitalize()), repr(s.swapcase()), repr(s.casefold()))
print("straße".casefold() == "STRASSE".casefold(), "straße".lower() == "strasse")
print(len("İ".lower()), [hex(ord(c)) for c in "İ".lower()])
print("σ".upper(), "Σ".lower(), "ΑΣ".lower(), "ΑΣ Β".lower())
print("hello".upper().lower() == "hello", "Hello".swapcase().swapcase())
