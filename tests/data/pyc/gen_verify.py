#!/usr/bin/env python3.12
"""Generates the fixtures of the bytecode-verifier tests in tests/pyc_reader.rs.
Run with CPython 3.12:

    /path/to/python3.12 tests/data/pyc/gen_verify.py

It writes, into tests/data/pyc/verify/ (a folder of its own, so that the
fixture tests of gen.py's files do not look for a .json beside them):
- cases.pyc: a module whose functions each use one family of instructions
  the verifier checks (the tests corrupt one operand and expect BadCode);
- opcodes.json: CPython 3.12's opcode facts the verifier must agree with:
  for every byte value its name (or null), whether CPython writes it to a
  .pyc, its inline cache size, and dis.stack_effect for a set of opargs
  (without and with jump).

The output is deterministic: running the script again gives identical files.
"""

import dis
import importlib._bootstrap_external as bootstrap
import json
import opcode
import os
import sys

assert sys.version_info[:2] == (3, 12), "run this with CPython 3.12"

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "verify")

SOURCE = '''
import os
from os import path as p

G = 1

def f(a, b):
    return a + b

def consts():
    x = "s"
    return x

def names(o):
    return o.attr, G, len(o)

class Base:
    def m(self):
        return 1

class C(Base):
    def m(self):
        return super().m()

def outer():
    v = 1
    def inner():
        return v
    return inner

def kw(g):
    return g(1, key=2)

def loop(xs):
    t = 0
    for x in xs:
        if x:
            t += x
    return t

def cmp(a, b):
    return a < b

def intrinsic(x):
    return +x

def slices(a):
    return a[1:2:3]

def fmt(x):
    return f"{x!r:>10}"

def raiser(e):
    raise e from None

def comp(xs):
    return [x for x in xs]

def tryer(g):
    try:
        g()
    except ValueError:
        return 1
    return 0

def gen():
    yield 1

def swap(a, b):
    a, b = b, a
    return a

def augattr(a):
    a.x += 1

def callex(g, a):
    return g(*a)
'''


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(HERE, exist_ok=True)
    code = compile(SOURCE, "cases.py", "exec")
    write(os.path.join(HERE, "cases.pyc"), bootstrap._code_to_timestamp_pyc(code, 0, len(SOURCE)))

    in_pyc = {
        o
        for name, o in opcode.opmap.items()
        if o < 256
        and not name.startswith("INSTRUMENTED_")
        and name not in ("CACHE", "RESERVED", "INTERPRETER_EXIT")
    }
    args = [0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 26, 40, 55, 68, 92, 255, 0x102, 0x10000]
    ops = []
    for o in range(256):
        name = opcode.opname[o]
        entry = {
            "op": o,
            "name": None if name == f"<{o}>" else name,
            "in_pyc": o in in_pyc,
            "cache": opcode._inline_cache_entries[o],
        }
        if o in in_pyc and o != opcode.EXTENDED_ARG:
            effects = []
            for a in args if o >= opcode.HAVE_ARGUMENT else [0]:
                arg = a if o >= opcode.HAVE_ARGUMENT else None
                effects.append(
                    [a, dis.stack_effect(o, arg, jump=False), dis.stack_effect(o, arg, jump=True)]
                )
            entry["effects"] = effects
        ops.append(entry)
    with open(os.path.join(HERE, "opcodes.json"), "w") as f:
        f.write("[\n" + ",\n".join(json.dumps(e, separators=(",", ":")) for e in ops) + "\n]\n")


main()
