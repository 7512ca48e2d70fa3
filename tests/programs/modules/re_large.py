# re: long subjects and deep backtracking without native recursion; many matches; scanner-based tokenizing.
import re

n = 200000
s = 'a' * n
print(len(re.match(r'(a|b)*', s).group()), re.match(r'(a)*', s).span(1), re.match(r'(?:(a)|b)*c', s + 'c').span())
print(len(re.match(r'(?:a|b)*?$', s).group()), len(re.findall(r'a', s)), len(re.sub(r'a', 'bb', s)), re.search(r'a$', s).span())
print(re.match(r'(a+)+$', s).span(), re.fullmatch(r'(?:a{1,3})+', s) is not None, re.match(r'((a)(a))*', s).span(3))
print(re.match(r'(?>a*)b', s), re.match(r'a*+b', s), re.search(r'(?<=a)b', s + 'b').span(), len(re.split(r'a', s)))
t = 'x' * 100000 + 'needle' + 'y' * 100000
print(re.search('needle', t).span(), re.search(r'ne+dle', t).span(), re.search(r'[n]eedle', t).span(), re.search(r'(?i)NEEDLE', t).span())
print(re.search(r'n\w+?e', t).span(), re.search(r'\bneedle', 'a needle').span(), re.search('z', t), t.find('needle'))
words = ' '.join('w%d' % i for i in range(20000))
print(len(re.findall(r'\w+', words)), re.findall(r'w1999\d', words)[:3], len(re.split(r'\s', words)), re.subn(r'w(\d+)', r'\1', words)[1])
lines = '\n'.join('key%d = value%d' % (i, i) for i in range(5000))
pairs = re.findall(r'(?m)^(\w+)\s*=\s*(\w+)$', lines)
print(len(pairs), pairs[0], pairs[-1], re.search(r'(?m)^key4999.*$', lines).group())

token_spec = [('NUMBER', r'\d+(?:\.\d*)?'), ('ID', r'[A-Za-z_]\w*'), ('OP', r'[+\-*/=()]'), ('SKIP', r'[ \t]+'), ('BAD', r'.')]
tok = re.compile('|'.join('(?P<%s>%s)' % pair for pair in token_spec))
code = 'x = 3.14 * (radius + 2) / y_1 $'
print([(m.lastgroup, m.group()) for m in tok.finditer(code) if m.lastgroup != 'SKIP'])
sc = tok.scanner(code)
out = []
while True:
    m = sc.match()
    if m is None:
        break
    out.append(m.lastgroup)
print(out)
nested = '(' * 500 + 'x' + ')' * 500
print(re.fullmatch(r'\(*x\)*', nested) is not None, re.match(r'(\()*x', nested).span(1), len(re.findall(r'\(|\)', nested)))
