# re: flags IGNORECASE/MULTILINE/DOTALL/VERBOSE/ASCII/UNICODE, inline and scoped flags, flag values.
import re

print(int(re.I), int(re.M), int(re.S), int(re.X), int(re.A), int(re.U), int(re.L), int(re.NOFLAG))
print(re.compile('x').flags, re.compile('x', re.I).flags, re.compile('(?i)x').flags, re.compile(b'x').flags)
print(re.compile('x', re.A | re.I).flags, re.compile('(?s)(?m)x').flags, re.compile('x', re.U).flags)

print(re.findall('(?i)hello', 'Hello HELLO hello hElLo'), re.findall('hello', 'Hello hello', re.IGNORECASE))
print(re.findall('(?i)[a-c]+', 'ABCabcxyz'), re.findall('(?i)[^a]', 'aAbB'), re.match('(?i)É', 'é'), re.match('(?i)σ', 'Σ'))
print(re.findall('(?i)ς', 'σςΣ'), re.findall('(?i)k', 'kK\u212a'), re.findall('(?i)\u212a', 'kK'), re.findall('(?i)s', 'sS\u017f'))
print(re.match('(?i)straße', 'STRASSE'), re.match('(?i)ß', 'ẞ'), re.match('(?ai)k', '\u212a'), re.findall('(?i)[k-l]', 'K\u212aL'))
print(re.search(r'(?i)(\w+) \1', 'Abc aBC').span(), re.match(r'(?i)[^\W\d]+', 'ÀÉÎõü'), re.findall('(?i)İ', 'i̇İ'))

text = 'first line\nsecond line\nthird'
print(re.findall(r'^\w+', text), re.findall(r'(?m)^\w+', text), re.findall(r'\w+$', text), re.findall(r'\w+$', text, re.M))
print(re.findall(r'(?m)^$', 'a\n\nb\n'), re.search(r'(?m)\Aa$', 'a\nb'), re.findall(r'(?m)^.', 'x\ny\r\nz'))
print(re.match(r'a.b', 'a\nb'), re.match(r'a.b', 'a\nb', re.S), re.match(r'(?s:a.)b', 'a\nb'), re.findall(r'.', 'a\r\n'))

verbose = re.compile(r'''
    (?P<num> \d+ )    # a number
    \s* [x*] \s*      # times
    (?P<unit> [a-z]+ ) # unit
    \ \#              # escaped space and hash
''', re.VERBOSE)
print(verbose.match('12 x apples #').groupdict(), re.match(r'(?x) a b c # comment', 'abc'), re.match(r'(?x)a[ ]b', 'a b'))
print(re.match(r'(?x) a \  b', 'a b'), re.findall(r'(?x)[a b]', 'a b'), re.match('(?x)a#x\nb', 'ab'))

print(re.findall(r'\w+', 'héllo wörld 12'), re.findall(r'\w+', 'héllo wörld 12', re.A), re.findall(r'(?a)\d', '١2'))
print(re.findall(r'\d', '٣4٥'), re.findall(r'\s', 'a\u00a0b\u2003c', re.A), re.findall(r'\s', 'a\u00a0b\u2003c'))
print(re.findall(r'\b\w', 'élan über', re.A), re.findall(r'\b\w', 'élan über'), re.findall(r'(?u)\w', 'ä'))
print(re.findall(r'(?i:a)b', 'ab Ab AB'), re.findall(r'(?i)(?-i:a)b', 'ab aB AB'), re.findall(r'a(?i:b)c', 'aBc abC'))
print(re.findall(r'(?m:^a)|b$', 'a\nb\na'), re.match(r'(?s:.)(?-s:.)', '\n\n'))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: re.compile('a', re.L))
t(lambda: re.compile('(?L)a'))
t(lambda: re.compile('(?a)(?u)a'))
t(lambda: re.compile(b'(?u)a'))
t(lambda: re.compile('(?i'))
t(lambda: re.compile('(?z)a'))
t(lambda: re.compile('a(?i)b'))
t(lambda: re.compile('(?-i)a'))
t(lambda: re.compile('(?i-i:a)'))
t(lambda: re.compile('a', re.A | re.U))
