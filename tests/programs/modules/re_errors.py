# re: re.error for bad patterns (message, pattern, pos, lineno, colno) and other invalid arguments.
import re

bad = ['(', ')', '[a', 'a{2,1}', '*', 'a**', '+a', '(?P<1>a)', '(?P<a>x)(?P<a>y)', r'\1', '(?<=a*)b',
       '(?z)', r'\p', '(?P=x)', '[z-a]', r'(?(2)a|b)', '(?i', 'a)b', r'\x1', r'\u12', r'\U1234567',
       '(?<a>x)', '(?#abc', '(?P', '(?P<a', '(?P<a>', '[]', r'[\d-z]', '(?', 'a{1000000000000}', '(?<!a+)b',
       r'\8', '(?P=)', '(?=', 'x{3,2}?', '(?(0)a)', '(?(-1)a)', '(?(a', '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a']
for pat in bad:
    try:
        re.compile(pat)
        print('ok', repr(pat))
    except re.error as e:
        print(repr(pat), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == pat)
    except Exception as e:
        print(repr(pat), '->', type(e).__name__, e)

try:
    re.compile('abc\n(def\nghi', re.X)
except re.error as e:
    print(e, '|', e.lineno, e.colno, e.pos)
try:
    re.compile(b'(ab')
except re.error as e:
    print(e, e.pattern)
print(re.error is re.PatternError if hasattr(re, 'PatternError') else issubclass(re.error, Exception), re.error.__name__)
print(re.compile('a{,3}').match('aaaa'), re.compile(r'\(\)').match('()'), re.compile('[]a]').match(']'), re.compile('{').match('{'))
print(re.compile('a{').match('a{'), re.compile('a{1').match('a{1'), re.compile('x{1,2').match('x{1,2'), re.compile(r'[\]]').match(']'))

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: re.compile(['a']))
t(lambda: re.match(5, 'a'))
t(lambda: re.search('(', 'a'))
t(lambda: re.sub('(', 'x', 'a'))
t(lambda: re.split('[', 'a'))
