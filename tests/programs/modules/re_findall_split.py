# re: findall, finditer, split (groups, empty matches, maxsplit) and Pattern.scanner.
import re

print(re.findall(r'\d+', 'a1 b22 c333'), re.findall(r'(\w)(\d)', 'a1 b2 c'), re.findall(r'(\w)=(\d)?', 'a=1 b= c=3'))
print(re.findall(r'(a)|b', 'ab'), re.findall(r'', 'abc'), re.findall(r'a*', 'baaac'), re.findall(r'a|', 'bab'))
print(re.findall(r'\b', 'ab cd'), re.findall(r'x*', ''), re.findall(r'(?:ab)+', 'ababxab'), re.findall('(a)(b)?', 'ab a'))
p = re.compile(r'\w+')
print(p.findall('one two three', 4), p.findall('one two three', 2, 9), p.findall('abc', 5), p.findall('abc', -3))
print([m.span() for m in re.finditer(r'a*', 'baaa')], [m.group() for m in re.finditer(r'\d', 'a1b2')])
it = re.finditer(r'(\w)(\d)', 'a1 b2 c3')
print(type(it).__name__, next(it).groups(), [m.span(2) for m in it])
print([m.span() for m in p.finditer('ab cd ef', 3)], [m.span() for m in p.finditer('ab cd ef', 0, 4)])
print([m.span() for m in re.finditer(r'\b|x', 'ab x')], [(m.start(), m.group()) for m in re.finditer(r'(?=(\w\w))', 'abcd')])

print(re.split(r',', 'a,b,,c'), re.split(r'(,)', 'a,b,c'), re.split(r'(,)|(;)', 'a,b;c'), re.split(r',', 'a,b,c', maxsplit=1))
print(re.split(r'\s+', '  lead and trail  '), re.split(r'x*', 'axbc'), re.split(r'', 'abc'), re.split(r'\b', 'ab cd'))
print(re.split(r'(?=b)', 'abab'), re.split('a', 'bab', -1), re.split('a', 'bab', 0), re.split('[,;]', ''), re.split('(x)?,', 'a,bx,c'))
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE), re.compile('-').split('a-b-c', maxsplit=2))

sc = re.compile(r'\d').scanner('a1b22c')
print(sc.pattern.pattern, sc.search(), sc.search(), sc.search(), sc.search(), sc.search())
sc = re.compile(r'\d').scanner('12a3')
print(sc.match(), sc.match(), sc.match(), sc.match())
sc = re.compile(r'x*').scanner('axx')
print([sc.search() for _ in range(5)])
sc = re.compile(r'\w').scanner('abcdef', 1, 4)
m = sc.search()
print(m, m.pos, m.endpos, sc.match(), sc.search(), sc.search())

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: re.findall(r'a', 5))
t(lambda: re.compile('a').findall())
t(lambda: re.compile('a').split('a', 'b'))
t(lambda: re.compile('a').scanner())
t(lambda: re.compile('a').finditer('a', 0, 1, 2))
