# re: sub/subn with templates (\1, \g<name>, \g<0>), functions, counts, empty matches, escape, template errors.
import re

print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@home ann@work'), re.subn(r'\d', '#', 'a1b22c333'))
print(re.sub(r'(?P<word>\w+)', r'<\g<word>>', 'hi there'), re.sub(r'(\w)', r'\g<1>\g<0>', 'ab'), re.sub('(b)', r'\g<0>\1', 'abc'))
print(re.sub(r'(\d)', r'\g<1>0', 'x1y2'), re.sub('a', r'\n', 'xax') == 'x\nx', re.sub('a', r'\t\\', 'xa'), re.sub('a', '\\\\', 'xax'))
print(re.sub('a', 'b', 'aaaa', count=2), re.sub('a', 'b', 'aaaa', 0), re.subn('a', 'b', 'aaaa', -1), re.sub('z', 'y', 'abc'))
print(re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'), re.subn(r'\b', '|', 'ab cd'), re.sub('(?=b)', '^', 'abab'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub(r'(a)?b', lambda m: str(m.group(1)), 'ab b'), re.sub('$', '!', 'a\nb\n'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b20 c300'), re.sub('a', lambda m: None, 'banana'))
print(re.sub(r'(?P<w>\b\w)', lambda m: m['w'].upper(), 'hello big world'), re.sub('a', lambda m: '', 'aXa'))
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'one two three four'), re.sub('(?i)HELLO', 'bye', 'Hello hello HELLO'))
print(re.compile('o').sub('0', 'foo boo', 1), re.compile('o').subn('0', 'foo'), re.compile(r'\s+').sub(' ', ' a \t b\n c '))
calls = []
print(re.sub(r'\w', lambda m: calls.append(m.span()) or m.group().upper(), 'ab c'), calls)
print(re.sub(r'x', 'é😀', 'axb'), re.sub('é', 'e', 'café résumé'), re.sub(r'(.)', r'\1\1', 'ñé'))
print(re.escape('a.b*c?d[e]f(g)h{i}j|k^l$m\\n o'), re.escape('safe_123'), re.escape(b'a.b'), re.escape('\n\t'))
print(re.sub('x', re.escape('\\1'), 'x'), re.sub('a+', 'literal', 'caaab'))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: re.sub('a', r'\2', 'a'))
t(lambda: re.sub('(a)', r'\g<2>', 'a'))
t(lambda: re.sub('a', r'\g<x>', 'a'))
t(lambda: re.sub('a', r'\g<1', 'a'))
t(lambda: re.sub('a', r'\g<>', 'a'))
t(lambda: re.sub('a', r'\g<-1>', 'a'))
t(lambda: re.sub('a', '\\', 'a'))
t(lambda: re.sub('a', r'\q', 'a'))
t(lambda: re.sub('a', lambda m: 5, 'a'))
t(lambda: re.sub('a', lambda m: b'x', 'ba'))
t(lambda: re.sub('a', b'x', 'a'))
t(lambda: re.sub('a', 1, 'a'))
t(lambda: re.sub('a', 'x', 5))
t(lambda: re.sub('a', 'x'))
t(lambda: re.compile('a').sub('x', 'a', 'b'))
t(lambda: re.compile('a').subn(repl='x', string='aa', count=1))
t(lambda: re.sub('(a)', lambda m: m.group(2), 'a'))
