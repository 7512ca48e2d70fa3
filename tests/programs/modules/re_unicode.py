# re: Unicode subjects: non-ASCII and astral characters, \w \d \s classes, case-insensitive ranges, big sets.
import re

s = 'naïve café 日本語 😀 Ωmega ２３ ٤٥ x_y'
print(re.findall(r'\w+', s), re.findall(r'\d+', s), re.findall(r'\W+', s), re.findall(r'\S+', s))
print(re.search('日本', s).span(), re.search('😀', s).span(), re.search(r'Ω\w+', s).group(), len(re.findall('.', s)))
print(re.findall(r'[α-ωΑ-Ω]+', 'abc αβγ ΔΕΖ xyz'), re.findall(r'(?i)[α-ω]+', 'ΑΒΓ δεζ'), re.findall('[😀-😂]', 'a😁b😀'))
print(re.findall(r'(?i)[à-ÿ]+', 'ÀÉÎ õü'), re.findall(r'[^\x00-\x7f]+', 'abc ñé 中 d'), re.findall(r'[\u4e00-\u9fff]', '日本a語'))
print(re.findall(r'(?i)[a-z]+', 'ABC def \u212a\u017f'), re.findall(r'(?i)[k]', 'Kk\u212a'), re.findall(r'(?i)[^k]', 'Kk\u212ax'))
print(re.findall(r'[\w\-]+', 'naïve-ok 日本-語'), re.findall(r'[^\w\s]', 'a,b;c! é?'), re.findall(r'[\d٠-٩]', '1٢3'))
print(re.sub(r'(\w)(\w)', r'\2\1', 'αβγδ'), re.split(r'\s+', 'a\u3000b\u2028c\x1fd'), re.findall('\u2028', 'a\u2028b'))
print(re.match(r'.+', 'αβ\nγ').group(), re.findall('(?m)^.', 'α\nβ\u2028γ'), re.findall(r'\b\w+\b', 'ça va très bien'))
print(re.match(r'(?i)ǅ', 'ǆ'), re.match(r'(?i)ǆ', 'Ǆ'), re.match('(?i)ß', 'SS'), re.match('(?i)ﬀ', 'FF'), re.match('(?i)ΐ', 'ΐ'))
print(re.findall('(?i)[\u0370-\u03ff]+', 'αΒγ'), re.findall(r'[\U0001F600-\U0001F64F]+', 'hi 😀😃 there 🙏'))
big = ''.join(chr(c) for c in range(0x100, 0x3000, 7))
print(len(re.findall('[' + big + ']', big + 'abc')), re.fullmatch('[' + big + ']+', big) is not None)
print(re.findall(r'[^' + big + ']', big[:5] + 'ab'), re.findall('(?i)[' + big + ']', 'Ā'))
u = 'é' * 3000 + 'needle' + 'ü' * 3000
print(re.search('needle', u).span(), re.search(r'e+dle', u).span(), len(re.findall('é', u)), re.sub('ü+', '-', u)[-10:])
w = '😀' * 2000 + 'x' + '日' * 2000
print(re.search('x', w).span(), len(re.findall(r'\w', w)), re.search(r'(?<=😀)x(?=日)', w).span(), len(re.split('x', w)[1]))
print(ascii(re.escape('日本 😀.')), re.fullmatch(re.escape('a.b日'), 'a.b日') is not None)
