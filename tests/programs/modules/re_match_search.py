# re: match/search/fullmatch, positions, anchors, Match and Pattern objects and their reprs.
import re

p = re.compile(r'\d+')
print(p.match('123abc'), p.match('abc123'), p.search('abc123def'), p.fullmatch('123'), p.fullmatch('123a'))
print(p.search('abc123def', 4), p.search('abc123def', 0, 4), p.search('abc123def', -5, 100), p.match('abc123', 3))
print(p.fullmatch('ab12cd', 2, 4), p.search('12', 5), p.match('', 0), re.compile('').match('abc', 2, 1))
print(re.search('^b', 'ab'), re.compile('^b').search('ab', 1), re.compile('b$').search('bab', 0, 1), re.search(r'\Ab', 'ab'))
print(re.search('a$', 'a\n'), re.search(r'a\Z', 'a\n'), re.search('$', 'ab\n').span(), re.findall('$', 'a\nb\n'))
print(re.match('.*', 'line1\nline2'), re.match('(?s).*', 'ab\nc'), re.match('a.c', 'a\nc'))
print(re.search(r'\bcat\b', 'concat cat catalog'), re.search(r'\Bcat', 'concat'), re.findall(r'\b\w', 'to be or'))

m = re.search(r'(\w+)@(\w+)\.(com|org)', 'contact: alice@example.org today')
print(m)
print(repr(m), bool(m), m.group(), m.group(0), m.group(1), m.group(2, 3), m.groups())
print(m.start(), m.end(), m.span(), m.start(2), m.end(3), m.span(1), m.pos, m.endpos)
print(m.string, m.re, m.re.pattern, m.lastindex, m.lastgroup, m.regs)
print(m[0], m[1], m[3], m.__copy__() is m, m.__deepcopy__({}) is m)
print(re.match('x' * 60, 'x' * 70))
print(re.match(r'(?s).+', 'quote\'s "and" \\ \n\t'))
print(re.search('é+', 'cafééé!'), re.search('😀', 'a😀b'), re.search('b', 'a😀b').span())

print(p, repr(p), p.pattern, p.flags, p.groups, p.groupindex)
print(re.compile('a', re.I), re.compile('a', re.M | re.S), re.compile('a', re.X | re.A), re.compile(b'a', re.L | re.I))
print(re.compile('(?i)(?m)a'), re.compile('x' * 300))
print(re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)').groupindex['month'], re.compile('(a)(b)(c)').groups)
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('b'))
print(hash(re.compile('abc')) == hash(re.compile('abc')), re.compile('a') == 'a', re.compile(re.compile('q')).pattern)
print(type(p).__name__, type(p).__module__, type(m).__name__, type(m).__module__, type(p) is re.Pattern, type(m) is re.Match)
print(re.compile('a').__copy__().pattern, re.compile('a').__deepcopy__(None).pattern)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: p.match())
t(lambda: p.match('1', 0, 1, 2))
t(lambda: p.match('1', foo=1))
t(lambda: p.match('1', 'x'))
t(lambda: p.match('1', pos=None))
t(lambda: p.search(5))
t(lambda: p.search(None))
t(lambda: p.match(string='12', pos=1))
t(lambda: p.fullmatch('12', endpos=1))
t(lambda: re.compile('a') < re.compile('b'))
t(lambda: len(m))
t(lambda: m.nope)
t(lambda: re.Pattern())
t(lambda: re.compile('a', re.I) if False else re.compile(re.compile('a'), re.I))
t(lambda: re.compile(5))
