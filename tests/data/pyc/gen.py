#!/usr/bin/env python3.12
"""Generates the fixtures of tests/pyc_reader.rs. Run with CPython 3.12:

    /path/to/python3.12 tests/data/pyc/gen.py

For every source in SOURCES (and a few standard-library modules) it writes
NAME.pyc (a timestamp pyc with mtime 0, as py_compile would write it) and
NAME.json, which lists every code object of the module in depth-first
pre-order (a code object, then the code objects among its co_consts, in
order) with its scalar fields, constants, names, co_positions() and
dis._parse_exception_table() (offsets converted to code units).

For every case in MARSHAL_CASES it writes NAME.marshal (marshal.dumps with
the given version) and an entry in marshal.json describing the value.

Every value is encoded as a JSON array whose first item is a tag:
  ["none"] ["true"] ["false"] ["stopiteration"] ["ellipsis"]
  ["int", "<decimal>"] ["float", "<IEEE-754 bits as decimal u64>"]
  ["complex", "<bits>", "<bits>"] ["str", "<text>"] ["bytes", "<hex>"]
  ["tuple"|"list"|"set"|"frozenset", [items]] ["dict", [[k, v], ...]]
  ["code", <index of the code object in the file's code list>]
The output is deterministic: running the script again gives identical files.
"""

import dis
import importlib._bootstrap_external as bootstrap
import json
import marshal
import os
import struct
import sys
import types

assert sys.version_info[:2] == (3, 12), "run this with CPython 3.12"

# Set and frozenset order depends on string hashing: make it reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

HERE = os.path.dirname(os.path.abspath(__file__))


def bits(x):
    return str(struct.unpack("<Q", struct.pack("<d", x))[0])


def encode(v, codes):
    if v is None:
        return ["none"]
    if v is True:
        return ["true"]
    if v is False:
        return ["false"]
    if v is StopIteration:
        return ["stopiteration"]
    if v is Ellipsis:
        return ["ellipsis"]
    t = type(v)
    if t is int:
        return ["int", str(v)]
    if t is float:
        return ["float", bits(v)]
    if t is complex:
        return ["complex", bits(v.real), bits(v.imag)]
    if t is str:
        return ["str", v]
    if t is bytes:
        return ["bytes", v.hex()]
    if t in (tuple, list, set, frozenset):
        return [t.__name__, [encode(x, codes) for x in v]]
    if t is dict:
        return ["dict", [[encode(k, codes), encode(x, codes)] for k, x in v.items()]]
    if t is types.CodeType:
        return ["code", codes.index(v)]
    raise TypeError(t)


def walk(code, out):
    out.append(code)
    for c in code.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
    return out


def describe(code, codes):
    return {
        "name": code.co_name,
        "qualname": code.co_qualname,
        "filename": code.co_filename,
        "firstlineno": code.co_firstlineno,
        "argcount": code.co_argcount,
        "posonlyargcount": code.co_posonlyargcount,
        "kwonlyargcount": code.co_kwonlyargcount,
        "stacksize": code.co_stacksize,
        "flags": code.co_flags,
        "code": code.co_code.hex(),
        "nlocals": code.co_nlocals,
        "varnames": list(code.co_varnames),
        "cellvars": list(code.co_cellvars),
        "freevars": list(code.co_freevars),
        "names": list(code.co_names),
        "consts": [encode(c, codes) for c in code.co_consts],
        "positions": [list(p) for p in code.co_positions()],
        "exceptions": [
            [e.start // 2, e.end // 2, e.target // 2, e.depth, int(e.lasti)]
            for e in dis._parse_exception_table(code)
        ],
    }


SOURCES = {
    "empty": "",
    "assign": "x = 1\ny = x + 2\nz = [x, y, 'three']\n",
    "args": '''
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return a + b + c + d + e + f + len(args) + len(kw)

def g(x: int = 1, *, y: "str" = "s") -> list[int]:
    return [x, y]

async def h(*, k):
    return k
''',
    "closures": '''
def outer(a):
    b = 2
    def inner(c):
        nonlocal b
        b += c
        def innermost():
            return a + b + c
        return innermost
    return inner

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
''',
    "classes": '''
class Base:
    x: int = 3
    __slots__ = ("a",)
    def __init__(self, a):
        self.a = a
    @property
    def double(self):
        return self.a * 2
    @classmethod
    def make(cls):
        return cls(1)
    @staticmethod
    def helper(*xs):
        return sum(xs)

class Child(Base):
    def __init__(self, a):
        super().__init__(a)
        self.b = __class__
    class Nested:
        def deep(self):
            return Child.Nested
''',
    "generators": '''
def gen(n):
    for i in range(n):
        x = yield i
        if x:
            yield from gen(x)
    return n

def pipeline(xs):
    evens = (x for x in xs if x % 2 == 0)
    yield from (e * e for e in evens)
''',
    "async_stuff": '''
import asyncio

async def fetch(urls):
    results = []
    async with asyncio.timeout(1) as t, asyncio.Lock():
        async for u in aiter(urls):
            results.append(await asyncio.sleep(0, u))
    return [r async for r in agen(results) if r]

async def agen(xs):
    for x in xs:
        yield x
        await asyncio.sleep(0)
''',
    "exceptions": '''
def f(x):
    try:
        a = 1 / x
    except ZeroDivisionError as e:
        a = None
        raise ValueError("bad") from e
    except (TypeError, KeyError):
        pass
    else:
        a += 1
    finally:
        print("done")
    try:
        try:
            try:
                g()
            finally:
                h()
        except* OSError as eg:
            print(eg)
    except Exception:
        raise
    return a
''',
    "withs": '''
def f(path):
    with open(path) as a, open(path) as b:
        with a:
            data = a.read() + b.read()
    with (open(path) as c,
          open(path) as d):
        return c, d, data
''',
    "comprehensions": '''
xs = [i * j for i in range(10) if i % 2 for j in range(i) if j]
s = {c for c in "hello"}
d = {k: v for k, v in zip("abc", range(3))}
g = (x for x in xs)
def f(n):
    return [[y for y in range(x)] for x in range(n)], {x: [z for z in range(x)] for x in range(n)}
''',
    "match": '''
def m(cmd):
    match cmd:
        case ["go", direction] if direction in "nsew":
            return direction
        case {"x": x, "y": y, **rest}:
            return x, y, rest
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case [1, 2, *others]:
            return others
        case str() | bytes() as s:
            return s
        case 1 | 2 | 3 | None | True:
            return "small"
        case -1.5 | 2j | "lit" | b"b":
            return "lit"
        case _:
            return None
''',
    "fstrings": '''
name = "world"
width = 10
s = f"hello {name!r:>{width}} {3.14159:.2f} {name=} {{literal}} {f'{name}'}"
t = f"""multi
{name
 + "x"}
line"""
''',
    "lambdas_decorators": '''
import functools
sq = lambda x, *a, k=1, **kw: x * x
@functools.lru_cache(maxsize=None)
@staticmethod
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(*[1, 2], *(3,), sep=", ", **{"end": "\\n"})
''',
    "constants": '''
big = 123456789012345678901234567890
neg = -98765432109876543210
edge = (2**31 - 1, -2**31, 2**31, 2**62, 2**63 - 1, -2**63, 2**63, 2**64)
fl = (0.0, -0.0, 1.5, 1e308, 5e-324, float("inf"))
cx = (1j, 2+3j, -0.5j)
bs = b"bytes\\x00\\xff"
uni = "h\\u00e9llo \\u2713 \\U0001f600 \\u4e2d\\u6587"
long_ascii = "%s"
long_uni = "%s"
tup = (1, "a", None, True, False, ..., (2, (3,)))
fs = frozenset({1, 2, 3})
''' % ("x" * 300, "\u00e9" * 300),
    "long_lines": "x = 1\n" + "y = " + " + ".join(["x"] * 60) + "\n"
    + "z = (" + " " * 300 + "x)\n"
    + "w = [" + ", ".join(str(i) for i in range(100)) + "]\n"
    + "call(" + "a" * 200 + ", " + "b" * 100 + ")\n",
    "multiline": '''
result = some_function(
    first_argument,
    second_argument=[
        1,
        2,
    ],
)
value = (1 +
         2 +
         3)
''',
    "line_gaps": "x = 1\n" + "\n" * 500 + "y = 2\n" + "\n" * 70000 + "def f():\n    return 3\n",
    "loops": '''
def f(xs):
    total = 0
    for x in xs:
        if x < 0:
            continue
        if x > 100:
            break
        total += x
    else:
        total = -1
    while True:
        total -= 1
        if total < 0:
            break
    i = 0
    while i < 10:
        i += 1
    else:
        pass
    return total
''',
    "misc_statements": '''
import os.path as osp, sys
from collections import OrderedDict as OD, defaultdict
from os import *
g = 1
def f():
    global g
    g += 1
    assert g > 0, "positive"
    del g
x = [1, 2, 3]
del x[0], x[-1:]
a, *b, c = range(5)
x[0] += 1
osp.sep += ""
if (n := len(b)) > 1 and 1 < n <= 3 or not n:
    y = x[1:2:1] if n else x[::2]
''',
    "type_params": '''
type Alias = list[int]
type Generic[T] = dict[str, T]
def first[T](xs: list[T]) -> T:
    return xs[0]
class Box[T: (int, str), *Ts, **P]:
    def get(self) -> T:
        return self.item
''',
    "deep_try": '''
def f():
    for i in range(3):
        try:
            with open("x") as fh:
                try:
                    for line in fh:
                        try:
                            yield line
                        except KeyError:
                            continue
                except OSError:
                    return
        finally:
            pass
''',
    "unicode_idents": '''
héllo = 1
def ünïcode(αβγ, 名前="x"):
    return αβγ + 名前
ñ = ünïcode("a") ; print(ñ, "😀", héllo)
''',
    "tabs": "if True:\n\tx = 1\n\tif x:\n\t\ty = [x,\tx]\n",
    "extended_arg": "def f():\n" + "".join(f"    v{i} = {i} + c{i}\n" for i in range(300)) + "    return v0\n"
    + "t = (" + ", ".join(str(i) for i in range(300)) + ")\n",
    "future_annotations": "from __future__ import annotations\ndef f(x: Undefined) -> Other:\n    return x\n",
    "nested_functions": '''
def a():
    def b():
        def c():
            class D:
                def e(self):
                    return lambda: [x for x in range(3)]
            return D
        return c
    return b
''',
    "global_code": '''
try:
    import nonexistent
except ImportError:
    nonexistent = None
with open(__file__) as f:
    pass
for i in range(3):
    print(i)
''',
    "star_expr": '''
def f(*args, **kwargs):
    return (*args, *kwargs), [*args], {*args}, {**kwargs, "x": 1}
first, *rest = f(1, 2)
''',
    "strings_bytes": r'''
a = "tab\t newline\n quote\" backslash\\"
b = b"\x00\x01\x7f\x80\xff"
c = r"raw\d"
d = """triple
quoted"""
e = "x" "y" 'z'
''',
    "async_gen_cleanup": '''
async def agen():
    try:
        yield 1
    finally:
        await cleanup()

async def main():
    async for x in agen():
        try:
            await x
        except* ValueError:
            pass
''',
    "return_in_finally": '''
def f():
    try:
        return 1
    finally:
        print("f")
def g():
    for x in range(3):
        try:
            continue
        finally:
            break
    return x
''',
}

STDLIB = ["textwrap", "contextlib", "json/decoder", "dataclasses"]

MARSHAL_CASES = [
    # name, value, marshal version
    ("none", None, 4),
    ("true", True, 4),
    ("false", False, 4),
    ("ellipsis", ..., 4),
    ("stopiteration", StopIteration, 4),
    ("int_small", 5, 4),
    ("int_neg", -7, 4),
    ("int_max32", 2**31 - 1, 4),
    ("int_min32", -2**31, 4),
    ("long_2_31", 2**31, 4),
    ("long_2_45", 2**45, 4),
    ("long_2_60", 2**60, 4),
    ("long_2_62", 2**62, 4),
    ("long_i64_max", 2**63 - 1, 4),
    ("long_i64_min", -2**63, 4),
    ("long_2_63", 2**63, 4),
    ("long_neg_2_63_minus_1", -2**63 - 1, 4),
    ("long_2_100", 2**100, 4),
    ("long_huge_neg", -(3**2000), 4),
    ("long_digits", int("1" * 500), 4),
    ("float", 1.5, 4),
    ("float_neg_zero", -0.0, 4),
    ("float_nan", float("nan"), 4),
    ("float_inf", float("-inf"), 4),
    ("float_tiny", 5e-324, 4),
    ("float_text", 0.1, 1),
    ("float_text_inf", float("inf"), 1),
    ("complex", 1.5 - 2j, 4),
    ("complex_text", 0.1 + 1e300j, 1),
    ("bytes", b"\x00abc\xff", 4),
    ("bytes_empty", b"", 4),
    ("str_short_ascii", "hello", 4),
    ("str_long_ascii", "a" * 1000, 4),
    ("str_unicode", "h\u00e9llo \u2713 \U0001f600", 4),
    ("str_empty", "", 4),
    ("str_v2", "old unicode", 2),
    ("str_v0", "\u00e9t\u00e9", 0),
    ("tuple_small", (1, 2, "x"), 4),
    ("tuple_large", tuple(range(300)), 4),
    ("tuple_v2", (1, (2, 3)), 2),
    ("tuple_empty", (), 4),
    ("list", [1, [2, [3]], "x"], 4),
    ("dict", {"a": 1, 2: [3], (4, 5): {"nested": None}}, 4),
    ("dict_empty", {}, 4),
    ("set", {1, 2, 3}, 4),
    ("frozenset", frozenset({"a", "b"}), 4),
    ("frozenset_empty", frozenset(), 4),
    ("everything", [None, True, False, ..., StopIteration, 1, 2**70, 1.5, 1j, b"b", "s",
                    (1,), [2], {3: 4}, {5}, frozenset({6})], 4),
    ("eval_code", compile("a + b * 2", "<eval>", "eval"), 4),
    ("single_code", compile("x = 1; print(x)", "<stdin>", "single"), 4),
    ("exec_code", compile("def f(x):\n    return x\n", "<string>", "exec"), 4),
    ("code_v2", compile("y = [1, 'two', 3.0]", "<v2>", "exec"), 2),
]

# Objects whose items 0 and 1 must come back as one shared object.
_shared_list = [1, 2]
_shared_tuple = (1, "shared tuple")
_shared_str = "shared string " + str(len(MARSHAL_CASES))
SHARED_CASES = [
    ("shared_list", (_shared_list, _shared_list), 4),
    ("shared_tuple", [_shared_tuple, _shared_tuple], 4),
    ("shared_str", (_shared_str, _shared_str), 4),
]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def write_json(path, obj):
    with open(path, "w", encoding="ascii") as f:
        if isinstance(obj, list):
            f.write("[\n")
            f.write(",\n".join(json.dumps(o, ensure_ascii=True, sort_keys=True) for o in obj))
            f.write("\n]\n")
        else:
            json.dump(obj, f, ensure_ascii=True, sort_keys=True)
            f.write("\n")


def module_fixture(name, source, filename):
    code = compile(source, filename, "exec", dont_inherit=True)
    pyc = bootstrap._code_to_timestamp_pyc(code, 0, len(source.encode()))
    write(os.path.join(HERE, name + ".pyc"), bytes(pyc))
    codes = walk(code, [])
    write_json(os.path.join(HERE, name + ".json"), [describe(c, codes) for c in codes])


def main():
    for name, source in SOURCES.items():
        module_fixture(name, source, "<fixture>/%s.py" % name)
    stdlib_dir = os.path.dirname(os.__file__)
    for mod in STDLIB:
        with open(os.path.join(stdlib_dir, mod + ".py"), encoding="utf-8") as f:
            source = f.read()
        module_fixture("stdlib_" + mod.replace("/", "_"), source, "<stdlib>/%s.py" % mod)
    cases = []
    for name, value, version in MARSHAL_CASES + SHARED_CASES:
        data = marshal.dumps(value, version)
        write(os.path.join(HERE, name + ".marshal"), data)
        codes = walk(value, []) if isinstance(value, types.CodeType) else []
        entry = {"name": name, "version": version, "value": encode(value, codes)}
        if codes:
            entry["codes"] = [describe(c, codes) for c in codes]
        cases.append(entry)
    write_json(os.path.join(HERE, "marshal.json"), cases)


if __name__ == "__main__":
    main()
