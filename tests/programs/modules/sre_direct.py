# _sre used directly (no `re` package): constants, case helpers, compile() with the code lists
# CPython 3.12's re._compiler emits, the Pattern/Match/Scanner API, templates and code validation.
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize(), _sre.copyright)
chars = [0x41, 0x61, 0x7a, 0xc9, 0xdf, 0x130, 0x131, 0x212a, 0x17f, 0x3a3, 0x1c5, 0x10400, 0x1e9e, 0x30, 0x5f, 0xff]
print([_sre.ascii_iscased(ch) for ch in chars])
print([_sre.unicode_iscased(ch) for ch in chars])
print([_sre.ascii_tolower(ch) for ch in chars])
print([_sre.unicode_tolower(ch) for ch in chars])
print(sum(_sre.unicode_iscased(ch) for ch in range(0x3000)), sum(_sre.unicode_tolower(ch) != ch for ch in range(0x20000)))

# (pattern, flags, code, groups, groupindex, indexgroup) as re._compiler.compile() passes them.
PATTERNS = [
    ('(?P<key>\\w+)=(?P<val>\\d+)', 32, [14, 4, 0, 3, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 3, 1], 2, {'key': 1, 'val': 2}, (None, 'key', 'val')),
    ('(a|b)*c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1], 1, {}, (None, None)),
    ('\\bfoo\\b', 32, [14, 4, 0, 3, 3, 6, 10, 16, 102, 16, 111, 16, 111, 6, 10, 1], 0, {}, (None,)),
    ('(?i)straße|[k-l]+', 34, [14, 4, 0, 1, 4294967295, 7, 20, 39, 6, 16, 115, 16, 383, 0, 40, 116, 40, 114, 40, 97, 40, 223, 40, 101, 15, 16, 14, 24, 10, 1, 4294967295, 39, 5, 22, 107, 108, 0, 1, 15, 2, 0, 1], 0, {}, (None,)),
    (b'[\\x80-\\xff]+|\\d+', 0, [14, 4, 0, 1, 4294967295, 7, 14, 24, 10, 1, 4294967295, 13, 5, 22, 128, 255, 0, 1, 15, 15, 13, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 15, 2, 0, 1], 0, {}, (None,)),
    ('(?<=\\$)\\d+(?!\\d)', 32, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 36, 1, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 5, 8, 0, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,)),
    ('(x)?(?(1)y|z)', 32, [14, 4, 0, 1, 2, 23, 9, 0, 1, 17, 0, 16, 120, 17, 1, 18, 12, 0, 6, 16, 121, 15, 3, 16, 122, 1], 1, {}, (None, None)),
    ('a++|(?>b+)c', 32, [14, 4, 0, 1, 4294967295, 7, 10, 29, 6, 1, 4294967295, 16, 97, 1, 15, 17, 15, 27, 9, 24, 6, 1, 4294967295, 16, 98, 1, 1, 16, 99, 15, 2, 0, 1], 0, {}, (None,)),
    ('^\\s*#.*$', 32, [14, 4, 0, 1, 4294967295, 6, 0, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 16, 35, 24, 5, 0, 4294967295, 2, 1, 6, 5, 1], 0, {}, (None,)),
    ('[^\\W\\d_]+', 32, [14, 4, 0, 1, 4294967295, 24, 14, 1, 4294967295, 13, 9, 21, 8, 15, 8, 10, 16, 95, 0, 1, 1], 0, {}, (None,)),
    ('(.)\\1', 32, [14, 4, 0, 2, 2, 17, 0, 2, 17, 1, 11, 0, 1], 1, {}, (None, None)),
    ('é+|😀', 32, [14, 4, 0, 1, 4294967295, 7, 10, 24, 6, 1, 4294967295, 16, 233, 1, 15, 7, 5, 16, 128512, 15, 2, 0, 1], 0, {}, (None,)),
]
SUBJECTS = ['key=42 other=7', 'ababc bc c', 'foo food (foo)', 'STRASSE straße KLk\u212a', b'ab\xe9\xff12', 'cost $100 and $2000x',
            'xy z xz y', 'aaa bbbc bbb', '  # comment\ncode\n#x', 'ab1_cd éf', 'aabbcd', 'caféé 😀']

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

compiled = []
for (pattern, flags, code, groups, groupindex, indexgroup), subject in zip(PATTERNS, SUBJECTS):
    p = _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)
    compiled.append(p)
    print(p, p.groups, p.flags, sorted(p.groupindex.items()))
    m = p.search(subject)
    print(' ', m, m and m.groups(), m and m.groupdict(), m and m.lastindex, m and m.lastgroup)
    print(' ', p.match(subject), p.fullmatch(subject), p.findall(subject), [x.span() for x in p.finditer(subject)])
    print(' ', p.split(subject), p.subn(subject[:0], subject))
    sc = p.scanner(subject)
    print(' ', [sc.search() for _ in range(3)])

p = compiled[0]
m = p.search('x key=42 y')
print(m.span(), m.span('val'), m.group('key', 2), m.regs, m.pos, m.endpos, m.string, m.re is p, m[0])
t = _sre.template(p, ['<', 2, ':', 1, '>'])
print(type(t).__name__, p.sub(lambda m: m['val'], 'a=1 b=2'), p.sub('<->', 'a=1 b=2', 1))
show(lambda: _sre.template(p, ['a', 1]))
show(lambda: _sre.template(p, ['a', -1, 'b']))
show(lambda: _sre.template(p, ('a',)))
show(lambda: _sre.compile('x', 0, [99, 1], 0, {}, ()))
show(lambda: _sre.compile('x', 0, [16, 120], 0, {}, ()))
show(lambda: _sre.compile('x', 0, [17, 5, 1], 0, {}, ()))
show(lambda: _sre.compile('x', 0, [16, 2 ** 40, 1], 0, {}, ()))
show(lambda: _sre.compile('x', 0, (16, 120, 1), 0, {}, ()))
show(lambda: _sre.compile('x', 0, [16, 120, 1], 0, [], ()))
show(lambda: _sre.compile(5, 0, [16, 120, 1], 0, {}, ()))
show(lambda: _sre.compile(None, 0, [16, 120, 1], 0, {}, ()).match('x'))
show(lambda: _sre.compile('x', 0, [16, 120, 1], 0, {}, ()).match(b'x'))
show(lambda: _sre.compile(b'x', 0, [16, 120, 1], 0, {}, ()).match('x'))
show(lambda: _sre.compile(b'x', 0, [16, 120, 1], 0, {}, ()).search(bytearray(b'axb')))
show(lambda: _sre.compile(b'x', 0, [16, 120, 1], 0, {}, ()).search(memoryview(b'axb')))
show(lambda: _sre.ascii_iscased('a'))
show(lambda: _sre.unicode_tolower())
show(lambda: _sre.getcodesize(1))
