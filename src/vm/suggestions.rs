//! "Did you mean" suggestions, as CPython 3.12's top-level traceback printer appends them to
//! the last line of a NameError, AttributeError or ImportError (`Python/suggestions.c`):
//! `name 'pritn' is not defined. Did you mean: 'print'?`. `str(e)` never includes them.
//!
//! Candidates are ranked by a Levenshtein distance over UTF-8 bytes where a substitution or a
//! move costs 2 and a case flip costs 1; a candidate qualifies when at most about a third of
//! the characters change, and the first closest one wins.

use crate::abi::Value;
use crate::objects::exception::{ATTRIBUTE_ERROR, IMPORT_ERROR, NAME_ERROR};
use crate::objects::str::{as_str, is_str, new_str};
use crate::objects::traceback::Traceback;
use crate::ops::object::get_instance_dict_item;

/// Lists at least this long are not searched.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Names longer than this (in bytes, after trimming common affixes) never match.
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance of `a` and `b`, or `max_cost + 1` once it must exceed
/// `max_cost`.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the distance matrix, updated in place: buffer[i] = cost(b[..j], a[..i + 1]).
    let mut buffer = [0usize; MAX_STRING_SIZE];
    for (i, slot) in buffer.iter_mut().enumerate().take(a.len()) {
        *slot = (i + 1) * MOVE_COST;
    }
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest of `candidates` to `name`, if one is close enough. `None` also when a candidate
/// is not a str (CPython gives up then).
fn best_match(candidates: &[Value], name: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(String, usize)> = None;
    for c in candidates {
        let item = as_str(c)?;
        if *item == *name {
            continue;
        }
        // No more than about a third of the characters may change, and never a worse match
        // than the one already found.
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = &best {
            if *d == 0 {
                continue;
            }
            max_distance = max_distance.min(d - 1);
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.as_ref().is_none_or(|(_, bd)| d < *bd) {
            best = Some((item.to_string(), d));
        }
    }
    best.map(|(s, _)| s)
}

/// `dir(v)` as a list of values; `None` if it raises.
fn dir_of(v: &Value) -> Option<Vec<Value>> {
    let dir = crate::builtins::builtins_dict()
        .downcast_ref::<crate::objects::dict::Dict>()?
        .get_str(&new_str("dir"))?;
    let r = crate::vm::call::call(&dir, std::slice::from_ref(v), &[])
        .and_then(|l| crate::ops::sequence::collect(&l));
    match r {
        Ok(items) => Some(items),
        Err(_) => {
            crate::vm::thread::take_raised();
            None
        }
    }
}

/// An exact str attribute of the exception (stored in its dict), if set.
fn str_attr(e: &Value, name: &str) -> Option<String> {
    let v = get_instance_dict_item(e, name)?;
    if v.is_small_str() || (v.is_obj() && std::ptr::eq(v.ty(), &crate::objects::str::STR_TYPE)) {
        as_str(&v).map(|s| s.to_string())
    } else {
        None
    }
}

fn quoted(s: &str) -> String {
    crate::ops::object::repr_string(&new_str(s)).unwrap_or_else(|_| {
        crate::vm::thread::take_raised();
        format!("'{s}'")
    })
}

/// The suggestion suffix for exception `e` (`. Did you mean: 'x'?`), or `None`. Only exact
/// NameError, AttributeError and ImportError instances get one, as in CPython 3.12.
pub fn offer(e: &Value) -> Option<String> {
    let saved = crate::vm::thread::take_raised();
    let t = e.ty();
    let r = if std::ptr::eq(t, &ATTRIBUTE_ERROR) {
        attribute_error(e)
    } else if std::ptr::eq(t, &NAME_ERROR) {
        name_error(e)
    } else if std::ptr::eq(t, &IMPORT_ERROR) {
        import_error(e)
    } else {
        None
    };
    crate::vm::thread::take_raised();
    if !saved.is_null() {
        crate::vm::thread::restore_raised(saved);
    }
    r
}

fn attribute_error(e: &Value) -> Option<String> {
    let name = str_attr(e, "name")?;
    let obj = get_instance_dict_item(e, "obj").filter(|o| !o.is_null())?;
    let s = best_match(&dir_of(&obj)?, &name)?;
    Some(format!(". Did you mean: {}?", quoted(&s)))
}

fn import_error(e: &Value) -> Option<String> {
    let module = str_attr(e, "name")?;
    let name = str_attr(e, "name_from")?;
    let m = crate::modules::sys::modules_dict()
        .downcast_ref::<crate::objects::dict::Dict>()?
        .get_str(&new_str(&module))?;
    let s = best_match(&dir_of(&m)?, &name)?;
    Some(format!(". Did you mean: {}?", quoted(&s)))
}

fn name_error(e: &Value) -> Option<String> {
    let name = str_attr(e, "name")?;
    let d = e.downcast_ref::<crate::objects::exception::ExceptionData>()?;
    let mut tb = d.traceback();
    tb.downcast_ref::<Traceback>()?;
    while let Some(next) = tb
        .downcast_ref::<Traceback>()
        .map(|t| t.next.clone())
        .filter(|n| n.downcast_ref::<Traceback>().is_some())
    {
        tb = next;
    }
    let suggestion = name_error_suggestion(&name, tb.downcast_ref::<Traceback>()?);
    let stdlib = STDLIB_MODULE_NAMES.binary_search(&name.as_str()).is_ok();
    match (suggestion, stdlib) {
        (None, false) => None,
        (Some(s), false) => Some(format!(". Did you mean: {}?", quoted(&s))),
        (None, true) => Some(format!(". Did you forget to import {}?", quoted(&name))),
        (Some(s), true) => Some(format!(
            ". Did you mean: {}? Or did you forget to import {}?",
            quoted(&s),
            quoted(&name)
        )),
    }
}

/// The frame's local variable names, `self.<name>` when `self` has that attribute, then its
/// globals, then the builtins.
fn name_error_suggestion(name: &str, tb: &Traceback) -> Option<String> {
    let code = tb.code.downcast_ref::<crate::objects::code::Code>()?;
    let varnames: Vec<Value> = code
        .localsplusnames
        .iter()
        .zip(code.localspluskinds.iter())
        .filter(|(_, k)| **k & crate::objects::code::fast_kind::LOCAL != 0)
        .map(|(n, _)| n.clone())
        .collect();
    if varnames
        .iter()
        .any(|n| as_str(n).is_some_and(|s| &*s == "self"))
    {
        let frame = tb.frame();
        let locals = frame
            .downcast_ref::<crate::objects::frame::FrameObject>()?
            .locals();
        let this = locals
            .downcast_ref::<crate::objects::dict::Dict>()?
            .get_str(&new_str("self"))?;
        match crate::ops::object::getattr_opt(&this, &new_str(name)) {
            Ok(Some(_)) => return Some(format!("self.{name}")),
            Ok(None) => {}
            Err(_) => {
                crate::vm::thread::take_raised();
            }
        }
    }
    if let Some(s) = best_match(&varnames, name) {
        return Some(s);
    }
    let globals = tb
        .activation
        .globals
        .downcast_ref::<crate::objects::dict::Dict>()?
        .keys();
    if let Some(s) = best_match(&globals, name) {
        return Some(s);
    }
    // CPython's builtins, in its order (ties go to the first), then any apython adds.
    let own = tb
        .activation
        .builtins
        .downcast_ref::<crate::objects::dict::Dict>()?
        .keys();
    let mut builtins: Vec<Value> = CPYTHON_BUILTINS.iter().map(|s| new_str(s)).collect();
    builtins.extend(
        own.into_iter()
            .filter(|k| !is_str(k) || as_str(k).is_some_and(|s| !CPYTHON_BUILTINS.contains(&&*s))),
    );
    best_match(&builtins, name)
}

/// The names in CPython 3.12's `builtins` module, in its dict order (including the ones `site`
/// adds): the last candidates for a NameError suggestion, ties going to the first.
pub static CPYTHON_BUILTINS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

/// `sys.stdlib_module_names` of CPython 3.12: a NameError for one of these also asks
/// "Did you forget to import ...?".
pub static STDLIB_MODULE_NAMES: &[&str] = &[
    "__future__",
    "_abc",
    "_aix_support",
    "_ast",
    "_asyncio",
    "_bisect",
    "_blake2",
    "_bz2",
    "_codecs",
    "_codecs_cn",
    "_codecs_hk",
    "_codecs_iso2022",
    "_codecs_jp",
    "_codecs_kr",
    "_codecs_tw",
    "_collections",
    "_collections_abc",
    "_compat_pickle",
    "_compression",
    "_contextvars",
    "_crypt",
    "_csv",
    "_ctypes",
    "_curses",
    "_curses_panel",
    "_datetime",
    "_dbm",
    "_decimal",
    "_elementtree",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_gdbm",
    "_hashlib",
    "_heapq",
    "_imp",
    "_io",
    "_json",
    "_locale",
    "_lsprof",
    "_lzma",
    "_markupbase",
    "_md5",
    "_msi",
    "_multibytecodec",
    "_multiprocessing",
    "_opcode",
    "_operator",
    "_osx_support",
    "_overlapped",
    "_pickle",
    "_posixshmem",
    "_posixsubprocess",
    "_py_abc",
    "_pydatetime",
    "_pydecimal",
    "_pyio",
    "_pylong",
    "_queue",
    "_random",
    "_scproxy",
    "_sha1",
    "_sha2",
    "_sha3",
    "_signal",
    "_sitebuiltins",
    "_socket",
    "_sqlite3",
    "_sre",
    "_ssl",
    "_stat",
    "_statistics",
    "_string",
    "_strptime",
    "_struct",
    "_symtable",
    "_thread",
    "_threading_local",
    "_tkinter",
    "_tokenize",
    "_tracemalloc",
    "_typing",
    "_uuid",
    "_warnings",
    "_weakref",
    "_weakrefset",
    "_winapi",
    "_zoneinfo",
    "abc",
    "aifc",
    "antigravity",
    "argparse",
    "array",
    "ast",
    "asyncio",
    "atexit",
    "audioop",
    "base64",
    "bdb",
    "binascii",
    "bisect",
    "builtins",
    "bz2",
    "cProfile",
    "calendar",
    "cgi",
    "cgitb",
    "chunk",
    "cmath",
    "cmd",
    "code",
    "codecs",
    "codeop",
    "collections",
    "colorsys",
    "compileall",
    "concurrent",
    "configparser",
    "contextlib",
    "contextvars",
    "copy",
    "copyreg",
    "crypt",
    "csv",
    "ctypes",
    "curses",
    "dataclasses",
    "datetime",
    "dbm",
    "decimal",
    "difflib",
    "dis",
    "doctest",
    "email",
    "encodings",
    "ensurepip",
    "enum",
    "errno",
    "faulthandler",
    "fcntl",
    "filecmp",
    "fileinput",
    "fnmatch",
    "fractions",
    "ftplib",
    "functools",
    "gc",
    "genericpath",
    "getopt",
    "getpass",
    "gettext",
    "glob",
    "graphlib",
    "grp",
    "gzip",
    "hashlib",
    "heapq",
    "hmac",
    "html",
    "http",
    "idlelib",
    "imaplib",
    "imghdr",
    "importlib",
    "inspect",
    "io",
    "ipaddress",
    "itertools",
    "json",
    "keyword",
    "lib2to3",
    "linecache",
    "locale",
    "logging",
    "lzma",
    "mailbox",
    "mailcap",
    "marshal",
    "math",
    "mimetypes",
    "mmap",
    "modulefinder",
    "msilib",
    "msvcrt",
    "multiprocessing",
    "netrc",
    "nis",
    "nntplib",
    "nt",
    "ntpath",
    "nturl2path",
    "numbers",
    "opcode",
    "operator",
    "optparse",
    "os",
    "ossaudiodev",
    "pathlib",
    "pdb",
    "pickle",
    "pickletools",
    "pipes",
    "pkgutil",
    "platform",
    "plistlib",
    "poplib",
    "posix",
    "posixpath",
    "pprint",
    "profile",
    "pstats",
    "pty",
    "pwd",
    "py_compile",
    "pyclbr",
    "pydoc",
    "pydoc_data",
    "pyexpat",
    "queue",
    "quopri",
    "random",
    "re",
    "readline",
    "reprlib",
    "resource",
    "rlcompleter",
    "runpy",
    "sched",
    "secrets",
    "select",
    "selectors",
    "shelve",
    "shlex",
    "shutil",
    "signal",
    "site",
    "smtplib",
    "sndhdr",
    "socket",
    "socketserver",
    "spwd",
    "sqlite3",
    "sre_compile",
    "sre_constants",
    "sre_parse",
    "ssl",
    "stat",
    "statistics",
    "string",
    "stringprep",
    "struct",
    "subprocess",
    "sunau",
    "symtable",
    "sys",
    "sysconfig",
    "syslog",
    "tabnanny",
    "tarfile",
    "telnetlib",
    "tempfile",
    "termios",
    "textwrap",
    "this",
    "threading",
    "time",
    "timeit",
    "tkinter",
    "token",
    "tokenize",
    "tomllib",
    "trace",
    "traceback",
    "tracemalloc",
    "tty",
    "turtle",
    "turtledemo",
    "types",
    "typing",
    "unicodedata",
    "unittest",
    "urllib",
    "uu",
    "uuid",
    "venv",
    "warnings",
    "wave",
    "weakref",
    "webbrowser",
    "winreg",
    "winsound",
    "wsgiref",
    "xdrlib",
    "xml",
    "xmlrpc",
    "zipapp",
    "zipfile",
    "zipimport",
    "zlib",
    "zoneinfo",
];

#[cfg(test)]
mod tests {
    use super::levenshtein;

    #[test]
    fn distances() {
        assert_eq!(levenshtein(b"pritn", b"print", 100), 4);
        assert_eq!(levenshtein(b"Print", b"print", 100), 1);
        assert_eq!(levenshtein(b"valuse", b"values", 100), 4);
        assert_eq!(levenshtein(b"abc", b"abc", 0), 0);
        assert_eq!(levenshtein(b"a", b"abc", 100), 4);
        assert_eq!(levenshtein(b"abcdef", b"uvwxyz", 3), 4);
    }
}
