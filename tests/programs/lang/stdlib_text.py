# lang (phase 3): text-processing stdlib modules: re, string, textwrap, json
import json
import re
import string
import textwrap
m = re.match(r"(\w+)@(\w+)\.com", "alice@example.com")
print(m.group(0), m.group(1), m.groups(), m.span(2), re.findall(r"\d+", "a1b22c333"), re.sub(r"\s+", " ", "a  b\t\nc"))
print(re.split(r"[,;]\s*", "a, b;c ,d"), bool(re.search(r"^x", "yx")), re.fullmatch(r"[a-z]+", "abc") is not None)
print([mm.group() for mm in re.finditer(r"[A-Z]", "aBcDe")], re.compile(r"(?P<k>\w+)=(?P<v>\d+)").match("x=42").groupdict())
print(string.ascii_lowercase, string.digits, string.punctuation[:10], string.Template("$who likes $what").substitute(who="tim", what="py"))
print(textwrap.wrap("The quick brown fox jumps over the lazy dog", 15), textwrap.dedent("    a\n      b\n"), textwrap.shorten("hello world foo", 12))
data = {"name": "x", "vals": [1, 2.5, None, True], "nested": {"k": "é"}}
s = json.dumps(data, sort_keys=True)
print(s, json.loads(s) == data, json.dumps([1, "a"], indent=2), json.dumps("é", ensure_ascii=False))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.pos)
