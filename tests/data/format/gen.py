#!/usr/bin/env python3
"""Generate tests/data/format/cases.txt: expected results of CPython 3.12 conversions.

Run from the repository root with CPython 3.12:

    python3.12 tests/data/format/gen.py > tests/data/format/cases.txt

Optional arguments SCALE (default 1) and SEED make larger or different local runs.

The output is deterministic (seeded). Each line is TAB-separated fields:

    kind  arg...  expected

`expected` is `=text` on success or `!ExcType: message` on error. Text fields are escaped:
`\\\\`, `\\t`, `\\n`, `\\r`, and `\\u{hex}` for other control characters, surrogates and
U+007F..U+009F. Floats are 16 hex digits of their IEEE bits; bytes are hex pairs.

Kinds (the Rust test, tests/format_vs_cpython.rs, reads them):
  repr BITS                  repr(float)
  fmtf BITS SPEC             format(float, SPEC)
  fmti INT SPEC              format(int, SPEC); INT is decimal, or [-]0x hex when huge
  fmts STR SPEC              format(str, SPEC)
  crepr BITS BITS            repr(complex(re, im))
  fmtc BITS BITS SPEC        format(complex(re, im), SPEC)
  int STR BASE               int(STR, BASE), result as hex()
  intb BYTES BASE            int(bytes, BASE), result as hex()
  float STR                  float(STR), result as BITS (any NaN as 'nan')
  floatb BYTES               float(bytes)
  str INT BASE               str(INT) for base 10, else bin/oct/hex
  i2f INT                    float(INT) as BITS
  round BITS N               round(float, N) as BITS
  hex BITS                   float.hex()
  fromhex STR                float.fromhex(STR) as BITS
  srepr STR / ascii STR      repr(str) / ascii(str)
  brepr BYTES                repr(bytes)
  pct TEMPLATE ARG...        TEMPLATE % (ARG, ...); ARG is i:INT, f:BITS or s:STR; a first
                             argument M makes the rest key, value, key, value... of a dict
"""
import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 12), "generate with CPython 3.12"
sys.set_int_max_str_digits(4300)

# `gen.py [SCALE [SEED]]`: the committed fixture uses the defaults; a larger SCALE or another
# SEED makes a bigger or different local run (write it elsewhere and point the test at it
# with FORMAT_CASES=path).
SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
R = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 20240512)
OUT = []


def n(count):
    return max(1, int(count * SCALE))


def esc(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif c < 0x20 or 0x7F <= c <= 0x9F or 0xD800 <= c <= 0xDFFF or c in (0x2028, 0x2029, 0x85):
            out.append("\\u{%x}" % c)
        else:
            out.append(ch)
    return "".join(out)


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def fbits(x):
    return "nan" if math.isnan(x) else bits(x)


def enc_int(n):
    """Decimal for readability, hex past what str() may print."""
    return str(n) if abs(n) < 10**100 else hex(n)


def result(fn):
    try:
        return "=" + esc(fn())
    except (ValueError, OverflowError, TypeError, KeyError) as e:
        msg = str(e) if not isinstance(e, KeyError) else repr(e.args[0])
        return "!%s: %s" % (type(e).__name__, esc(msg))


def emit(kind, *args_and_expected):
    OUT.append("\t".join((kind,) + tuple(args_and_expected)))


# ---------------------------------------------------------------- floats
def random_bits_float():
    while True:
        x = from_bits(R.getrandbits(64))
        if not math.isnan(x):
            return x


def decimalish_float():
    """Short decimals, halfway-ish and threshold values: where layouts and rounding bite."""
    k = R.choice([
        lambda: round(R.uniform(-1000, 1000), R.randint(0, 6)),
        lambda: R.randint(-10**6, 10**6) / 8,
        lambda: R.randint(1, 9999) * 10.0 ** R.randint(-30, 30),
        lambda: (R.randint(0, 10**R.randint(1, 17)) + 0.5) * 10.0 ** R.randint(-20, 5),
        lambda: R.randint(1, 2**53) * 2.0 ** R.randint(-1100, 1000),
        lambda: 10.0 ** R.randint(-325, 308),
        lambda: R.choice([1, -1]) * (10.0 ** R.randint(-6, 18)) * R.choice([1, 0.99999, 1.00001, 9.999999, 0.5]),
        lambda: R.random() * 10.0 ** R.randint(-5, 20),
        lambda: from_bits(R.randint(1, 2**52)),  # subnormal
        # Short exact expansions: exact ties between shortest-digit candidates live here.
        lambda: R.randint(1, 2**53) / 2 ** R.randint(1, 12),
        lambda: float(R.randint(1, 2**53) * 2 ** R.randint(0, 20)),
    ])
    return k()


SPECIAL_FLOATS = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 9.995, 99.5,
    1e16, 1e22, 1e23, 1e-4, 1e-5, 9.999e-5, 0.0001, 1e15, 9999999999999998.0, 1234567890123456.0,
    123456789012345.0, 5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
    1.7976931348623157e308, 2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, 1 / 3, 2 / 3, math.pi, math.e,
    123.456, 1e100, 1e-100, 1e300, 0.3, 1234.5, 12345.678, -1234.5, 0.001, 0.0005, 5.0, 15.0,
    float("inf"), float("-inf"), float("nan"), 4.35, 0.285, 1.1, 100.0, 1e6, 1e7, 999999.5,
    9.5, 10.5, 0.05, 0.25, 0.75, 1e-7, 3e-8, 123e-310,
]


def float_pool(n_random, n_decimal):
    pool = list(SPECIAL_FLOATS)
    pool += [random_bits_float() for _ in range(n_random)]
    pool += [decimalish_float() for _ in range(n_decimal)]
    return pool


def gen_repr():
    for x in float_pool(n(1500), n(1500)):
        emit("repr", bits(x), result(lambda: repr(x)))


FLOAT_SPECS = (
    ["", "e", "E", "f", "F", "g", "G", "n", "%", "#", "#e", "#f", "#g", "#.0f", "#.0e", "#.0g",
     "#.3g", ".0", ".1", ".3", ".10", ".16", ".17", "#.1", "#.5", "z", "z.1f", "z.0e", "z.3g",
     "+", " ", "+.2e", " .3f", ".2%", ".0%", "#.0%", "n", ".3n"]
    + [".%de" % p for p in list(range(0, 18)) + [20, 25, 40]]
    + [".%df" % p for p in list(range(0, 13)) + [15, 17, 20, 30]]
    + [".%dg" % p for p in list(range(0, 18)) + [20, 30]]
)


def gen_float_formats():
    for x in float_pool(n(60), n(110)):
        for spec in FLOAT_SPECS:
            if spec.endswith("f") or spec.endswith("%"):
                if abs(x) > 1e60 and not math.isinf(x):
                    continue  # long digit strings: covered separately below
            emit("fmtf", bits(x), esc(spec), result(lambda: format(x, spec)))
    # Long outputs, a few of them.
    for x in [1e300, -1.7976931348623157e308, 5e-324, 2.0**-1074 * 3, 1e100, 0.1]:
        for spec in [".0f", "f", ".400f", ".800e", ".1100f", ".760g", ",.2f", "%"]:
            emit("fmtf", bits(x), esc(spec), result(lambda: format(x, spec)))


# ---------------------------------------------------------------- spec fuzzing
FILL_ALIGN = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0<", "0=", "0>", "é^", "x=",
              " <", "\x00>", "{^", "<<", "==", "0^"]
SIGNS = ["", "", "+", "-", " "]
WIDTHS = ["", "", "1", "5", "8", "12", "20", "٥", "0"]
GROUPS = ["", "", ",", "_"]
PRECS = ["", "", ".0", ".1", ".2", ".3", ".10", "."]
TYPES = ["", "", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r",
         "y", "=", ",", "_", "é", "\x01", " ", "<"]


def random_spec():
    if R.random() < 0.08:
        chars = "<>^=+- z#0123456789,_.dxXbocsneEfFgG%é*"
        return "".join(R.choice(chars) for _ in range(R.randint(1, 7)))
    return (R.choice(FILL_ALIGN) + R.choice(SIGNS) + ("z" if R.random() < 0.15 else "")
            + ("#" if R.random() < 0.2 else "") + ("0" if R.random() < 0.25 else "")
            + R.choice(WIDTHS) + R.choice(GROUPS) + R.choice(PRECS) + R.choice(TYPES))


def random_int():
    k = R.random()
    if k < 0.3:
        return R.randint(-1000, 1000)
    if k < 0.6:
        return R.randint(-2**64, 2**64)
    if k < 0.7:
        return R.choice([0, 1, -1, 65, 0x10FFFF, 0x110000, 2**63 - 1, -2**63, 2**63, 10**18, 255])
    return R.randint(-10**R.randint(19, 120), 10**R.randint(19, 120))


STR_POOL = ["", "a", "abc", "héllo", "日本語", "x" * 30, "tab\there", "😀ok", "'\"", "0123456789"]


def gen_specs():
    for _ in range(n(3500)):
        v, spec = random_int(), random_spec()
        emit("fmti", enc_int(v), esc(spec), result(lambda: format(v, spec)))
    pool = float_pool(50, 150)
    for _ in range(n(3500)):
        x, spec = R.choice(pool), random_spec()
        emit("fmtf", bits(x), esc(spec), result(lambda: format(x, spec)))
    for _ in range(n(2500)):
        s, spec = R.choice(STR_POOL), random_spec()
        emit("fmts", esc(s), esc(spec), result(lambda: format(s, spec)))
    fixed = [
        (1234, "08,"), (1234, "09,"), (1234, "010,"), (123, "04,"), (1234, "#012,"),
        (10**4300, ""), (10**4300 - 1, ","), (10**4300, "x"), (-10**4300, "_"), (10**4300, "e"),
        (2**1024, "e"), (2**1024 - 2**970, "f"), (2**1024 - 2**971, "e"), (-0x110000, "c"),
        (12, ".2147483648d"), (5, "99999999999999999999"), (5, ".99999999999999999999f"),
        (5, "." + "9" * 30), (5, "9" * 30 + "d"), (2**53 + 1, ".0f"), (-(2**80 + 3), "_x"),
    ]
    for v, spec in fixed:
        emit("fmti", enc_int(v), esc(spec), result(lambda: format(v, spec)))
    for x, spec in [(1.0, ".2147483648f"), (1.0, ".2147483648"), (1.5, "_"), (1.5, ",e"),
                    (float("inf"), "010,"), (float("nan"), "z=+010.2f"), (-0.0, "z%")]:
        emit("fmtf", bits(x), esc(spec), result(lambda: format(x, spec)))
    for s, spec in [("a", ".2147483648"), ("ab", "\U0001F600^9"), ("abc", ".0")]:
        emit("fmts", esc(s), esc(spec), result(lambda: format(s, spec)))


def gen_complex():
    pool = float_pool(30, 60) + [0.0, -0.0, 0.0, 1.0]
    for _ in range(n(600)):
        z = complex(R.choice(pool), R.choice(pool))
        emit("crepr", bits(z.real), bits(z.imag), result(lambda: repr(z)))
    for _ in range(n(2500)):
        z, spec = complex(R.choice(pool), R.choice(pool)), random_spec()
        emit("fmtc", bits(z.real), bits(z.imag), esc(spec), result(lambda: format(z, spec)))


# ---------------------------------------------------------------- int / float parsing
UNI_DIGITS = ["١", "٢", "۳", "٤", "५", "০", "９", "𝟘", "𝟙", "᠑"]
UNI_SPACES = ["\u00a0", "\u2028", "\u3000", "\u1680", "\x85", "\x1c", "\u200b"]


def random_int_text(base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:max(base, 2) if base else 10]
    parts = []
    if R.random() < 0.3:
        parts.append(R.choice([" ", "  ", "\t", "\n"] + UNI_SPACES))
    if R.random() < 0.4:
        parts.append(R.choice("+-"))
    if R.random() < 0.4:
        parts.append(R.choice(["0x", "0X", "0o", "0O", "0b", "0B", "0", "00", "0_"]))
        if R.random() < 0.3:
            parts.append("_")
    count = R.choice([0, 1, 1, 2, 3, 5, 10, 20, 40])
    for _ in range(count):
        r = R.random()
        if r < 0.75:
            parts.append(R.choice(digits).upper() if R.random() < 0.2 else R.choice(digits))
        elif r < 0.85:
            parts.append("_")
        elif r < 0.92:
            parts.append(R.choice(UNI_DIGITS))
        else:
            parts.append(R.choice("9aZz_ .+-xé"))
    if R.random() < 0.3:
        parts.append(R.choice([" ", "\n", "_", "\x00"] + UNI_SPACES))
    return "".join(parts)


def gen_int_parse():
    bases = [0, 0, 0, 2, 8, 10, 10, 10, 16, 16, 36, 7, 3, 1, 37]
    for _ in range(n(3000)):
        base = R.choice(bases)
        s = random_int_text(base)
        emit("int", esc(s), str(base), result(lambda: hex(int(s, base))))
    for _ in range(n(600)):
        base = R.choice(bases)
        s = random_int_text(base).encode("utf-8")
        emit("intb", s.hex(), str(base), result(lambda: hex(int(s, base))))
    for s, base in [("1" * 4300, 10), ("1" * 4301, 10), ("-" + "1" * 4301, 10), ("1_" * 4300 + "1", 10),
                    ("0" * 4301, 10), ("1" * 4301, 16), ("1" * 4301, 36), ("1" * 4301, 32), ("1" * 4301, 0),
                    ("0x" + "1" * 5000, 0), ("1" * 4301 + "x", 10), ("x" * 300, 10), ("é" * 300, 10),
                    ("9" * 4300, 10), ("1" * 5000, 7),
                    ("0" * 4301, 0), ("0_" * 10 + "0", 0), ("-" + "0" * 5, 0), ("0" * 4300 + "1", 0)]:
        emit("int", esc(s), str(base), result(lambda: hex(int(s, base))))


def random_float_text():
    r = R.random()
    if r < 0.1:
        core = R.choice(["inf", "infinity", "nan", "INF", "iNfInItY", "NaN", "infinit", "nan(1)", "in f"])
    elif r < 0.3:
        core = repr(decimalish_float())
    else:
        parts = []
        for _ in range(R.randint(0, 6)):
            parts.append(R.choice(["1", "23", "0", "_", "5", "99", R.choice(UNI_DIGITS)]))
        if R.random() < 0.6:
            parts.append(".")
            for _ in range(R.randint(0, 4)):
                parts.append(R.choice(["1", "7", "0", "_", "45"]))
        if R.random() < 0.4:
            parts.append(R.choice(["e", "E"]) + R.choice(["", "+", "-"]))
            for _ in range(R.randint(0, 3)):
                parts.append(R.choice(["1", "0", "_", "3", "99"]))
        core = "".join(parts)
    sign = R.choice(["", "", "+", "-", "+-"])
    pre = R.choice(["", "", " ", "\t"] + UNI_SPACES)
    post = R.choice(["", "", " ", "\n", "x", "\x00"] + UNI_SPACES)
    return pre + sign + core + post


def gen_float_parse():
    for _ in range(n(4000)):
        s = random_float_text()
        emit("float", esc(s), result(lambda: fbits(float(s))))
    for _ in range(n(300)):
        s = random_float_text().encode("utf-8")
        emit("floatb", s.hex(), result(lambda: fbits(float(s))))
    hard = ["2.2250738585072011e-308", "2.4703282292062327e-324", "2.4703282292062328e-324",
            "1.7976931348623158e308", "1.7976931348623159e308", "9007199254740993",
            "0.1" + "0" * 400 + "1", "1" * 500, "1e-400", "1e400", "." + "0" * 500 + "1e500"]
    for s in hard:
        emit("float", esc(s), result(lambda: fbits(float(s))))


# ---------------------------------------------------------------- int -> text / float
def gen_int_text():
    for _ in range(n(700)):
        v = random_int()
        for base in (2, 8, 10, 16):
            conv = {2: bin, 8: oct, 10: str, 16: hex}[base]
            emit("str", enc_int(v), str(base), result(lambda: conv(v)))
    for v in [10**4300 - 1, 10**4300, -10**4300, -(10**4300 - 1), 2**20000]:
        emit("str", hex(v), "10", result(lambda: str(v)))
    for _ in range(n(1200)):
        k = R.random()
        if k < 0.5:
            v = R.randint(-2**R.randint(54, 1100), 2**R.randint(54, 1100))
        else:
            m = R.randint(2**52, 2**53)
            v = (m << R.randint(1, 980)) + R.choice([0, 1, -1, 2**R.randint(0, 40)])
        emit("i2f", hex(v), result(lambda: bits(float(v))))


# ---------------------------------------------------------------- round
def gen_round():
    pool = float_pool(n(300), n(900))
    for _ in range(n(4000)):
        x = R.choice(pool)
        nd = R.choice([0, 1, 2, 3, 5, 10, 15, 17, 20, -1, -2, -3, -5, -10, -20, -100, -300, -307,
                      -308, -309, 300, 322, 323, 324, 400, -400, R.randint(-330, 330)])
        emit("round", bits(x), str(nd), result(lambda: fbits(round(x, nd))))
    for k in range(1, 60):
        for _ in range(n(20)):
            x = R.randint(-10**6, 10**6) / 2**k
            nd = R.randint(0, k)
            emit("round", bits(x), str(nd), result(lambda: fbits(round(x, nd))))
    for x, nd in [(1.7976931348623157e308, -308), (1.7976931348623157e308, -306), (5e307, -308),
                 (-4.0, -1), (-0.001, 2), (0.5, 0), (1.5, 0), (2.5, 0), (-2.5, 0)]:
        emit("round", bits(x), str(nd), result(lambda: fbits(round(x, nd))))


# ---------------------------------------------------------------- hex
def gen_hex():
    pool = float_pool(n(1500), n(500))
    for x in pool:
        emit("hex", bits(x), result(lambda: float.hex(x)))
    for _ in range(n(3000)):
        x = R.choice(pool)
        h = float.hex(x)
        r = R.random()
        if r < 0.3 and "p" in h:
            mant, exp = h.split("p")
            h = mant + "".join(R.choice("0123456789abcdef") for _ in range(R.randint(1, 20))) + "p" + str(int(exp) + R.randint(-60, 60))
        elif r < 0.5:
            h = "%s0x%s.%sp%d" % (R.choice(["", "-", "+"]), "".join(R.choice("0123456789abcdefABCDEF") for _ in range(R.randint(0, 20))),
                                   "".join(R.choice("0123456789abcdef") for _ in range(R.randint(0, 20))), R.randint(-1200, 1200))
        elif r < 0.6:
            h = R.choice(["", " ", "\t"]) + h.replace("0x", R.choice(["", "0X", "0x"])) + R.choice(["", " ", "\n", "x", "p", "p+"])
        elif r < 0.7:
            h = "".join(R.choice("0x1.fp+-_ ie") for _ in range(R.randint(0, 8)))
        emit("fromhex", esc(h), result(lambda: fbits(float.fromhex(h))))
    for h in ["0x1p1024", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023", "0x1p-1075", "0x1.0000000000001p-1075",
              "0x1.8p-1074", "0x3p-1076", "0x1p99999999999999999999999", "0x1p-99999999999999999999999",
              "0x0p99999999999999999999", "-Infinity", "nan", "\u00a01", "0x" + "f" * 300 + "p-1200",
              "0x." + "0" * 300 + "1p1200", "1" * 200]:
        emit("fromhex", esc(h), result(lambda: fbits(float.fromhex(h))))


# ---------------------------------------------------------------- repr
REPR_CHARS = (list("abcXYZ 019~!'\"\\") + ["\t", "\n", "\r", "\x00", "\x07", "\x1b", "\x7f", "\x80", "\x9f",
              "\xa0", "\xad", "é", "ÿ", "\u0100", "\u0378", "\u2028", "\u200b", "\ufeff", "\ufffd", "中",
              "\ue000", "\U0001F600", "\U000E0001", "\U0010FFFF", "\U0001D400", "\u0301", "\u3000"])


def random_repr_text():
    out = []
    for _ in range(R.randint(0, 12)):
        if R.random() < 0.2:
            c = R.randint(0, 0x10FFFF)
            if 0xD800 <= c <= 0xDFFF:
                c = 0xFFFD
            out.append(chr(c))
        else:
            out.append(R.choice(REPR_CHARS))
    return "".join(out)


def gen_repr_str():
    for _ in range(n(3000)):
        s = random_repr_text()
        emit("srepr", esc(s), result(lambda: repr(s)))
        emit("ascii", esc(s), result(lambda: ascii(s)))
    for _ in range(n(1000)):
        b = bytes(R.choice([0, 9, 10, 13, 34, 39, 92, 97, 127, 128, 255, R.randint(0, 255)]) for _ in range(R.randint(0, 10)))
        emit("brepr", b.hex(), result(lambda: repr(b)))


# ---------------------------------------------------------------- printf-style
def enc_arg(a):
    if isinstance(a, bool):
        raise TypeError
    if isinstance(a, int):
        return "i:" + enc_int(a)
    if isinstance(a, float):
        return "f:" + bits(a)
    return "s:" + esc(a)


def random_pct_conv():
    conv = R.choice("diuoxXeEfFgGsrac")
    flags = "".join(R.choice("-+ #0") for _ in range(R.choice([0, 0, 1, 1, 2, 3])))
    width = R.choice(["", "", "5", "12", "*", "1"])
    prec = R.choice(["", "", ".0", ".3", ".", ".*", ".10"])
    length = R.choice(["", "", "", "l", "h", "L"])
    return "%" + flags + width + prec + length + conv, conv, width == "*", prec == ".*"


def pct_int():
    """Small, or too big for a C ssize_t: an int that lands on a `*` (when arguments are
    shifted on purpose) must not ask for a gigantic width."""
    if R.random() < 0.6:
        return R.randint(-10**6, 10**6)
    return R.choice([1, -1]) * R.randint(2**64, 10**R.randint(20, 100))


def pct_arg(conv):
    if conv in "diuoxX":
        return R.choice([pct_int(), R.randint(-100, 100), round(R.uniform(-1e6, 1e6), 2)]) if conv in "diu" else pct_int()
    if conv in "eEfFgG":
        return R.choice([decimalish_float(), random_bits_float(), R.randint(-10**6, 10**6)])
    if conv == "c":
        return R.choice([65, 0xE9, 0x1F600, "x", "é"])
    return R.choice(STR_POOL)


def gen_percent():
    for _ in range(n(3500)):
        parts, args = [], []
        for _ in range(R.randint(1, 3)):
            tmpl, conv, star_w, star_p = random_pct_conv()
            if star_w:
                args.append(R.randint(-12, 12))
            if star_p:
                args.append(R.randint(-2, 8))
            args.append(pct_arg(conv))
            parts.append(R.choice(["", "x", " = ", "é", "%%"]) + tmpl)
        tmpl = "".join(parts)
        r = R.random()
        if r < 0.05 and args:
            args.pop()
        elif r < 0.08:
            args.append(1)
        elif r < 0.14:
            i = R.randint(0, len(tmpl))
            tmpl = tmpl[:i] + R.choice(["%", "%y", "%5", "%(", "%l", "%.", "%€"]) + tmpl[i:]
        emit("pct", esc(tmpl), result(lambda: tmpl % tuple(args)), *[enc_arg(a) for a in args])
    maps = [
        ("%(a)s %(b)d", {"a": "x", "b": 5}), ("%(a)s", {}), ("%(a", {}), ("%(a)%", {"a": 1}),
        ("%(a(b)c)s", {"a(b)c": 1}), ("%()s", {"": 3}), ("%(a)*d", {"a": 1}), ("%(a)", {"a": 1}),
        ("%(a)y", {"a": 1}), ("%(a)-5s|", {"a": "é"}), ("%(x)#o", {"x": 8}), ("%s", {"a": 1}),
        ("%(x).2f %(x)e", {"x": 1.5}),
    ]
    for tmpl, d in maps:
        flat = ["M"]
        for k, v in d.items():
            flat += ["s:" + esc(k), enc_arg(v)]
        emit("pct", esc(tmpl), result(lambda: tmpl % d), *flat)
    fixed = [
        ("%5%", (1,)), ("%5%", ()), ("%%", ()), ("%s %y", ()), ("%y", ()), ("%ly", (1,)), ("%lld", (1,)),
        ("%.2147483648f", (1.0,)), ("%.2147483648s", ("a",)), ("%99999999999999999999d", (1,)),
        ("%*", (3,)), ("%*d", (5, 3)), ("%-*d|", (-5, 3)), ("%.*f", (-2, 1.0)), ("%\x01", (1,)),
        ("%٥d", (1,)), ("abc%", ()), ("abc%", (1,)), ("%s", ()), ("", ()), ("x", (1,)),
        ("%d", (10**4300,)), ("%x", (10**4300,)), ("%.0d|%.0x", (0, 0)), ("%c", (0x10FFFF,)),
    ]
    for tmpl, args in fixed:
        emit("pct", esc(tmpl), result(lambda: tmpl % args), *[enc_arg(a) for a in args])


def main():
    for gen in [gen_repr, gen_float_formats, gen_specs, gen_complex, gen_int_parse, gen_float_parse, gen_int_text,
                gen_round, gen_hex, gen_repr_str, gen_percent]:
        gen()
    out = sys.stdout
    out.write("# @generated by tests/data/format/gen.py with CPython %s; do not edit.\n" % sys.version.split()[0])
    for line in OUT:
        out.write(line + "\n")


if __name__ == "__main__":
    main()
