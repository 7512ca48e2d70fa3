# str: expandtabs with default and custom tab sizes, columns reset at newlines, zero and negative size
s = "a\tbc\tdef\tghij\tk"
for n in [8, 4, 1, 0, 3, -1, 16]:
    print(n, repr(s.expandtabs(n)))
print(repr(s.expandtabs()), repr(s.expandtabs(tabsize=2)))
print(repr("\t\t".expandtabs(4)), repr("x\n\ty\r\tz".expandtabs(4)), repr("".expandtabs()), repr("日\t本".expandtabs(4)))
print(repr("12345678\t9".expandtabs()), repr("1234567\t9".expandtabs()), repr("\t".expandtabs(8) == " " * 8))
try:
    "a\tb".expandtabs("4")
except TypeError as e:
    print("TypeError:", e)
table = "id\tname\tscore\n1\talice\t90\n22\tbob\t8\n333\tcarol\t100"
print(table.expandtabs(6))
