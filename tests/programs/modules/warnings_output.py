# warnings: what warnings.warn prints (to stderr, captured here through sys.stderr), with
# categories, stacklevel, filters, the once/default registries, and errors from filters.
import io
import os
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep

def capture(fn):
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        fn()
    finally:
        out = sys.stderr.getvalue()
        sys.stderr = old
    print(out.replace(HERE, ""), end="")
    print("--")

capture(lambda: warnings.warn("plain"))
capture(lambda: warnings.warn("deprecated", DeprecationWarning))

def helper():
    warnings.warn("from helper", stacklevel=2)

def caller():
    helper()

capture(caller)

def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)

capture(deprecated_api)

def loop():
    for i in range(3):
        warnings.warn("same place")
    for i in range(2):
        warnings.warn("msg %d" % i)
capture(loop)
capture(lambda: warnings.warn(RuntimeWarning("an instance")))
capture(lambda: warnings.warn_explicit("explicit", UserWarning, "somefile.py", 42))
capture(lambda: warnings.showwarning("shown", FutureWarning, "f.py", 7, line="the line"))
print(warnings.formatwarning("m", UserWarning, "file.py", 3, "  some code  "), end="")

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("rec1")
    warnings.warn("rec2", SyntaxWarning)
    print(len(w), [x.category.__name__ for x in w], [str(x.message) for x in w], w[0].lineno)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    capture(lambda: warnings.warn("ignored"))

with warnings.catch_warnings():
    warnings.filterwarnings("error", category=FutureWarning)
    try:
        warnings.warn("boom", FutureWarning)
    except FutureWarning as e:
        print("FutureWarning raised:", e)
    warnings.filterwarnings("error", message="match.*")
    try:
        warnings.warn("match me")
    except UserWarning as e:
        print("UserWarning raised:", e)
    capture(lambda: warnings.warn("no match"))

with warnings.catch_warnings():
    warnings.simplefilter("once")
    capture(lambda: [warnings.warn("once only") for _ in range(3)])

with warnings.catch_warnings():
    warnings.simplefilter("module")
    capture(lambda: [warnings.warn("per module") for _ in range(2)])

try:
    warnings.warn("bad", int)
except TypeError as e:
    print("TypeError", e)
try:
    warnings.simplefilter("bogus")
except AssertionError as e:
    print("AssertionError", e)
print([f[0] for f in warnings.filters[:4]], [f[2].__name__ for f in warnings.filters[:4]])

# Warnings native code issues (invalid escapes met by the escape codecs).
import codecs
capture(lambda: print(codecs.escape_decode(b"a\\qb"), codecs.unicode_escape_decode(b"\\z")))

# Without capture: the last stderr line is compared too.
warnings.warn("to real stderr")
