# re: lookahead/lookbehind, possessive quantifiers, atomic groups, lazy/greedy repeats and backtracking.
import re

print(re.search(r'\d+(?=px)', 'width 100px').group(), re.findall(r'\w+(?!\d)\b', 'a1 bb c3 dd'), re.findall(r'(?=(\w\w))', 'abcd'))
print(re.findall(r'(?<=\$)\d+', '$10 20 $30'), re.findall(r'(?<!\$)\b\d+', '$10 20 $30'), re.findall(r'(?<=ab|cd)x', 'abx cdx eex'))
print(re.search(r'(?<=(a))b', 'ab').groups(), re.findall(r'(?<![\w.])\d+(?![\w.])', '1 2.5 3 x4'), re.search(r'(?<=^a)b', 'ab'))
print(re.match(r'(?!abc)\w+', 'abd'), re.match(r'(?!abc)\w+', 'abc'), re.search(r'a(?=b)|a', 'ab ac').span())
print(re.findall(r'(?<=\b)\w', 'a bc'), re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'), re.search(r'(?<!^)x', 'xax').span())
print(re.match(r'(x)(?:(?!\1).)+\1', 'xabcx'), re.match(r'(?=.*\d)(?=.*[a-z]).{6,}', 'abc123'), re.match(r'(?=.*\d).{3}', 'abc'))

print(re.match(r'a*+a', 'aaaa'), re.match(r'a++b', 'aaab'), re.match(r'a?+a', 'a'), re.match(r'a{1,3}+a', 'aaaa'))
print(re.match(r'(?:ab)++c', 'ababc'), re.match(r'(?:ab)*+ab', 'abab'), re.match(r'(ab)*+', 'ababx').groups(), re.findall(r'\w++', 'ab cd'))
print(re.match(r'(?>a+)b', 'aaab'), re.match(r'(?>a+)a', 'aaaa'), re.match(r'(?>(a)|ab)c', 'abc'), re.match(r'(?>x|xy)z', 'xyz'))
print(re.match(r'(?>(\w+))\.', 'abc.').groups(), re.findall(r'(?>\d+)(?!\.)', '12 3.4 56'))

print(re.match(r'a+?', 'aaa').group(), re.match(r'a*?b', 'aab').group(), re.match(r'(a+?)(a*)', 'aaa').groups())
print(re.match(r'<.*>', '<a><b>').group(), re.match(r'<.*?>', '<a><b>').group(), re.match(r'a{2,4}?', 'aaaaa').group())
print(re.match(r'(a|ab)(c|bcd)(d*)', 'abcd').groups(), re.match(r'(a|b)*?c', 'abac').groups(), re.match(r'(?:a{2})*', 'aaaaa'))
print(re.match(r'(a?)*?b', 'aab').groups(), re.match(r'(a*)*', 'aa').groups(), re.match(r'(a|)*', 'aa').groups())
print(re.match(r'(?:(?:a|b)*)*c', 'ababx'), re.match(r'((a)|b)*?c', 'abc').groups(), re.match(r'(a{1,2}){2}', 'aaa').groups())
print(re.fullmatch(r'(?:a|ab)c?', 'ab'), re.fullmatch(r'a|ab', 'ab'), re.fullmatch(r'(a+)+$', 'aaa').groups())
print(re.match(r'(.*)(\d+)', 'abc123').groups(), re.match(r'(.*?)(\d+)', 'abc123').groups(), re.match(r'x{0}y', 'y'))
print(re.search(r'(a+)+b', 'a' * 20) is None, re.fullmatch(r'(?:(?:a|aa)+)+b', 'a' * 18 + 'b') is not None)
print(re.match(r'(?:a{1,3}){2,5}?b', 'aaaaab').span(), re.search(r'(?:x|y)+?z', 'xyxyz').span(), re.match(r'a{,2}', 'aaa'))
