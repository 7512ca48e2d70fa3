# str: center/ljust/rjust/zfill with odd/even padding, fill chars, widths smaller than len, errors
for s in ["", "a", "ab", "abc", "日本"]:
    for w in [0, 1, 4, 5, 6]:
        print(repr(s), w, repr(s.center(w)), repr(s.ljust(w, "*")), repr(s.rjust(w, "-")), repr(s.center(w, "日")))
for s in ["42", "-42", "+42", "", "-", "abc", "3.14", "-0.5", "日", "+"]:
    print(repr(s), repr(s.zfill(0)), repr(s.zfill(5)), repr(s.zfill(1)))
for bad in [("ab",), ("",), (1,)]:
    try:
        "x".center(5, *bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    "x".ljust("5")
except TypeError as e:
    print("TypeError:", e)
print("x".rjust(-3), "x".center(2, "-"), "xy".center(5, "."), "xy".center(4, "."), "xyz".center(6, "."))
for row in [("name", "qty"), ("apple", "3"), ("banana", "12")]:
    print("|" + row[0].ljust(8) + "|" + row[1].rjust(4) + "|" + row[0].center(10, "~") + "|")
