# The compile server of apython: runs inside CPython 3.12, started by
# src/compile/server.rs as `python3.12 -I -S -c <this file>`. It compiles
# source code with CPython's own compiler and returns marshalled code objects.
#
# Protocol over stdin/stdout. A message is a big-endian u32 count of fields
# followed by that many fields, each a big-endian u32 length and its bytes.
# On start the server sends ["hello", "3.12"] (its major.minor version).
# Request:  ["compile", mode, filename, source, is_text, flags, optimize, dont_inherit]
#   mode: exec|eval|single; filename: os.fsencode()d; source: bytes (decoded
#   as UTF-8 first if is_text == "1", else compiled as bytes, honouring PEP 263
#   coding cookies and BOMs); flags, optimize: decimal ints; dont_inherit: 0/1.
# Reply:    ["ok", marshalled_code, *warnings]
#        or ["error", type_name, is_syntax_error, msg, filename, lineno, offset,
#            text, end_lineno, end_offset, formatted, *warnings]
#   where missing values are empty fields, formatted is exactly what
#   CPython prints to stderr for the uncaught exception (sys.__excepthook__
#   without traceback entries), and each warning is 5 fields: category, message,
#   filename, lineno, formatted (as warnings.showwarning would print it).
# The server exits when stdin reaches EOF.
# (Imports are kept to what every run needs: the server's start is on the critical path of
# every `apython script.py`. `_signal` rather than `signal`, which imports `enum`; `linecache`,
# which imports `tokenize` and `re`, only when a warning is formatted: about 12 ms in all.)
import _signal
import io
import marshal
import os
import sys
import warnings

_signal.signal(_signal.SIGINT, _signal.SIG_IGN)
_in = sys.stdin.buffer
_out = sys.stdout.buffer


def _read_exact(n):
    data = _in.read(n)
    if data is None or len(data) != n:
        raise EOFError
    return data


def _read_message():
    count = int.from_bytes(_read_exact(4), "big")
    return [_read_exact(int.from_bytes(_read_exact(4), "big")) for _ in range(count)]


def _b(value):
    if value is None:
        return b""
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "backslashreplace")


def _send(fields):
    out = [len(fields).to_bytes(4, "big")]
    for f in fields:
        f = _b(f)
        out.append(len(f).to_bytes(4, "big"))
        out.append(f)
    _out.write(b"".join(out))
    _out.flush()


def _warning_fields(records):
    fields = []
    if records:
        import linecache
    for w in records:
        if isinstance(w.filename, str):
            linecache.checkcache(w.filename)
        formatted = warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line)
        fields += [w.category.__name__, str(w.message), w.filename, w.lineno, formatted]
    return fields


def _format_exception(exc):
    buf = io.StringIO()
    saved = sys.stderr
    sys.stderr = buf
    try:
        sys.__excepthook__(type(exc), exc, None)
    finally:
        sys.stderr = saved
    return buf.getvalue()


def _compile(fields):
    mode, filename, source, is_text, flags, optimize, dont_inherit = fields[1:8]
    filename = os.fsdecode(filename)
    if is_text == b"1":
        source = source.decode("utf-8", "surrogateescape")
    with warnings.catch_warnings(record=True) as records:
        try:
            code = compile(source, filename, mode.decode(), int(flags), dont_inherit=dont_inherit == b"1",
                           optimize=int(optimize))
        except Exception as exc:
            exc = exc.with_traceback(None)
            syntax = isinstance(exc, SyntaxError)
            get = lambda name: getattr(exc, name, None) if syntax else None
            return ["error", type(exc).__name__, "1" if syntax else "0",
                    exc.msg if syntax else str(exc),
                    get("filename"), get("lineno"), get("offset"), get("text"),
                    get("end_lineno"), get("end_offset"),
                    _format_exception(exc)] + _warning_fields(records)
    return ["ok", marshal.dumps(code)] + _warning_fields(records)


def main():
    _send(["hello", "%d.%d" % sys.version_info[:2]])
    while True:
        try:
            request = _read_message()
        except EOFError:
            return
        try:
            if request and request[0] == b"compile" and len(request) == 8:
                reply = _compile(request)
            else:
                reply = ["error", "ValueError", "0", "bad request", "", "", "", "", "", "",
                         "ValueError: bad request\n"]
        except BaseException as exc:
            reply = ["error", type(exc).__name__, "0", str(exc), "", "", "", "", "", "",
                     "%s: %s\n" % (type(exc).__name__, exc)]
        _send(reply)


main()
