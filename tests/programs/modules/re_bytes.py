# re: bytes patterns over bytes and bytearray subjects, byte classes, LOCALE, and str/bytes mixing errors.
import re

p = re.compile(rb'(\w+)=(\d+)')
m = p.search(b'x key=42;')
print(m, m.groups(), m.group(0), m[1], m.span(), m.string, m.re)
print(p.findall(b'a=1 b=22'), p.sub(rb'\2=\1', b'a=1 b=2'), p.subn(b'-', b'a=1 b=2'), p.split(b'a=1,b=2'))
print(p.findall(bytearray(b'c=3')), p.search(bytearray(b'd=4')).group(), type(p.search(bytearray(b'd=4')).group()))
print(p.search(bytearray(b'd=4')).string, re.sub(rb'a', b'b', bytearray(b'aXa')), re.split(b',', bytearray(b'a,b')))
print(re.findall(rb'\w+', b'caf\xe9 na\xefve'), re.findall(rb'\s', b'a b\tc\x1cd\x85'), re.findall(rb'\d', b'1\xb2'))
print(re.findall(rb'[\x80-\xff]+', b'a\x80\x81b\xff'), re.findall(rb'(?i)caf\xc9', b'caf\xe9 CAF\xc9'), re.match(rb'(?i)ABC', b'abc'))
print(re.findall(rb'(?L)\w+', b'abc d'), re.match(rb'(?L)(?i)x', b'X'), re.compile(rb'(?L)a').flags, re.compile(b'a', re.L))
print(re.findall(b'.', b'a\nb'), re.findall(rb'(?s).', b'a\n'), re.sub(rb'\b', b'|', b'ab cd'), re.escape(b'a+b\x00'))
print(re.match(b'\\x41', b'A'), re.match(rb'\101', b'A'), re.fullmatch(rb'[^\x00-\x7f]', b'\xff'), re.match(rb'\d', b'\xd9\xa3'))
print(re.sub(b'(a)', lambda m: m.group(1).upper(), b'banana'), re.sub(b'a', bytearray(b'\\\\'), b'a'))
print(re.sub(b'(a)', bytearray(b'[\\1]'), b'xa'), re.sub(b'a', memoryview(b'm'), b'xa'), re.compile(b'x').pattern)

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: re.compile(b'a').match('a'))
t(lambda: re.compile('a').match(b'a'))
t(lambda: re.compile('a').match(bytearray(b'a')))
t(lambda: re.sub(b'a', 'x', b'a'))
t(lambda: re.sub('a', b'x', 'a'))
t(lambda: re.sub(b'a', lambda m: 'x', b'a'))
t(lambda: re.compile(rb'\u1234'))
t(lambda: re.compile(rb'\N{LATIN SMALL LETTER A}'))
t(lambda: re.compile(b'(?u)x'))
t(lambda: re.compile(b'(?a)x').flags)
t(lambda: re.findall(b'a', [1]))
t(lambda: re.search(b'a', memoryview(b'a')) is not None)
