# str: repr() quoting choice and escapes (control chars, backslash, quotes, non-printable Unicode)
samples = ["plain", "", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there", "nl\nhere", "cr\rx",
           "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad", "é日🐍", "\u200b\u2028\ufeff", "\U000e0001", "\ud800",
           "\x1b[0m", "\a\b\f\v", "'", '"', "'\"", "\\", "\u0378", "\U0010ffff", "\u3000", "a\u0301"]
for s in samples:
    print(repr(s), len(repr(s)), ascii(s), len(s))
print(str("x'y"), repr(repr("a")), repr(str(5)), repr(["a", 'b"', "c'"]), repr(("\n",)))
print("%r" % "q'", f"{'n'!r}", "{!r}".format("é"), repr("\t".join("ab")))
print('single' == "single", '''triple ' " ''' , """more ''' inside""", r"raw \n \t", R"x\\y", len(r"\n"))
print("\N{GREEK SMALL LETTER ALPHA}", "\u00e9" == "é", "\x41\101\u0041\U00000041", "\0", len("\0"), "\7" == "\a")
print("line1\
line2", "adjacent" "strings" 'joined')
