//! Getting code objects for Python source, using CPython 3.12's compiler.
//!
//! apython executes CPython 3.12 bytecode but has no compiler of its own: for
//! source code it runs a CPython 3.12 child process ([`find_python312`]) that
//! compiles and marshals. The child is started once, lazily, and reused over a
//! pipe for every compilation (see `server.py` for the protocol), so the cost
//! of starting CPython is paid once per process.
//!
//! - [`pyc_for_source`]: the `.pyc` data of a `.py` file, reusing or writing
//!   `__pycache__/NAME.cpython-312.pyc` like CPython's import system;
//! - [`compile_source`] / [`compile_source_string`]: marshalled code for a
//!   source string (`-c`, and later `compile()`, `exec()`, `eval()`).
//!
//! Compile errors come back as [`CompileError::Exception`] carrying the
//! exception's fields and the exact text CPython prints to stderr for it, so
//! the CLI can print it verbatim and exit with status 1. Compiler warnings
//! (e.g. `SyntaxWarning: invalid escape sequence`) are returned, not printed.
//!
//! Known differences from `python3.12 file.py` for a *main script*: CPython
//! parses a script file with its file tokenizer but modules (and this
//! module, always) with `compile(bytes)`, whose messages differ in two rare
//! cases: undeclared non-UTF-8 bytes (`SyntaxError: (unicode error) 'utf-8'
//! codec can't decode ...` with a caret here, `SyntaxError: Non-UTF-8 code
//! starting with ...` there) and NUL bytes (`source code string cannot contain
//! null bytes` without location here). What is reported here is what CPython
//! reports when *importing* such a file.
//!
//! This module depends only on `std` and [`crate::pyc`] (for the header
//! format and validation), never on VM types.

#![warn(missing_docs)]

mod find;
mod server;

pub use find::{find_python312, PYTHON_ENV};
pub use server::{server_pid, stop_server};

use crate::pyc::{self, PycHeader, PycValidation, RawCode};
use std::fmt;
use std::fs;
use std::io::Write;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The compile mode, as the `mode` argument of Python's `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module or statement sequence.
    Exec,
    /// A single expression.
    Eval,
    /// One interactive statement (expression values are printed).
    Single,
}

impl Mode {
    /// The Python spelling: `"exec"`, `"eval"` or `"single"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Exec => "exec",
            Mode::Eval => "eval",
            Mode::Single => "single",
        }
    }
}

/// Source code to compile.
#[derive(Clone, Copy, Debug)]
pub enum Source<'a> {
    /// Already-decoded text (coding cookies are ignored, as for a `str`).
    Text(&'a str),
    /// Raw bytes, decoded by CPython per PEP 263 (BOM, coding cookie,
    /// default UTF-8), as for a file or a `bytes` source.
    Bytes(&'a [u8]),
}

/// Options of Python's `compile()` besides source, filename and mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CompileOptions {
    /// `flags`: `PyCF_*` / `__future__` compiler flags. `PyCF_ONLY_AST` and
    /// other flags producing non-code results are not supported.
    pub flags: u32,
    /// `optimize`: -1 (the interpreter's level, 0 in the server), 0, 1 or 2.
    pub optimize: i32,
    /// `dont_inherit`: the server has no future flags to inherit, so this
    /// only matters for exactness.
    pub dont_inherit: bool,
}

impl Default for CompileOptions {
    fn default() -> Self {
        CompileOptions {
            flags: 0,
            optimize: -1,
            dont_inherit: true,
        }
    }
}

/// A warning the compiler emitted (normally printed to stderr by CPython).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    /// Warning class name, e.g. `SyntaxWarning`.
    pub category: String,
    /// The message.
    pub message: String,
    /// The file it refers to.
    pub filename: String,
    /// The line it refers to.
    pub lineno: u32,
    /// The text `warnings.showwarning` writes for it (with source line if the
    /// file can be read), ending in a newline.
    pub formatted: String,
}

/// An exception raised by CPython while compiling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyException {
    /// Exception class name: `SyntaxError`, `IndentationError`, `TabError`,
    /// or others such as `ValueError`, `RecursionError`, `MemoryError`.
    pub type_name: String,
    /// Whether it is a `SyntaxError` (or subclass); only those have the
    /// location fields below.
    pub is_syntax_error: bool,
    /// `exc.msg` for syntax errors, `str(exc)` otherwise.
    pub msg: String,
    /// `exc.filename`.
    pub filename: Option<String>,
    /// `exc.lineno`.
    pub lineno: Option<i64>,
    /// `exc.offset` (1-based column).
    pub offset: Option<i64>,
    /// `exc.text`: the offending source line.
    pub text: Option<String>,
    /// `exc.end_lineno`.
    pub end_lineno: Option<i64>,
    /// `exc.end_offset`.
    pub end_offset: Option<i64>,
    /// Exactly what `python3.12` prints to stderr when this exception is
    /// uncaught and has no traceback (for a syntax error in `python3.12
    /// file.py`: the `  File "...", line N` block, caret line and
    /// `SyntaxError: msg`), ending in a newline.
    pub formatted: String,
    /// Warnings emitted before the error (CPython prints them first).
    pub warnings: Vec<CompileWarning>,
}

/// Why source could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// No usable CPython 3.12; the message says what to install or set.
    NoPython(String),
    /// Reading the source failed.
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error number, if any (e.g. 2 for ENOENT).
        errno: Option<i32>,
        /// The OS error message.
        message: String,
    },
    /// The compiler raised an exception (usually a `SyntaxError`).
    Exception(Box<PyException>),
    /// The compile server process failed or misbehaved.
    Server(String),
}

impl CompileError {
    /// The exit status `python3.12` uses for this error (1).
    pub fn exit_code(&self) -> i32 {
        1
    }

    /// What to print to stderr: CPython's exact text for compiler
    /// exceptions (preceded by any warnings), else the one-line message.
    pub fn report(&self) -> String {
        match self {
            CompileError::Exception(e) => {
                let mut s: String = e.warnings.iter().map(|w| w.formatted.as_str()).collect();
                s.push_str(&e.formatted);
                s
            }
            other => format!("{other}\n"),
        }
    }
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CompileError::NoPython(msg) | CompileError::Server(msg) => f.write_str(msg),
            CompileError::Io { path, message, .. } => {
                write!(f, "cannot read {}: {message}", path.display())
            }
            CompileError::Exception(e) => {
                if let (Some(file), Some(line)) = (&e.filename, e.lineno) {
                    write!(f, "File \"{file}\", line {line}: ")?;
                }
                write!(f, "{}: {}", e.type_name, e.msg)
            }
        }
    }
}

impl std::error::Error for CompileError {}

/// Marshalled code produced by the compiler.
#[derive(Clone, Debug)]
pub struct CompiledCode {
    /// `marshal.dumps(code)`: read it with [`crate::pyc::marshal::loads`].
    pub marshalled: Vec<u8>,
    /// Warnings the compiler emitted.
    pub warnings: Vec<CompileWarning>,
}

fn text(field: &[u8]) -> String {
    String::from_utf8_lossy(field).into_owned()
}

fn opt_text(field: &[u8]) -> Option<String> {
    (!field.is_empty()).then(|| text(field))
}

fn opt_int(field: &[u8]) -> Option<i64> {
    std::str::from_utf8(field).ok()?.parse().ok()
}

fn parse_warnings(fields: &[Vec<u8>]) -> Vec<CompileWarning> {
    fields
        .chunks_exact(5)
        .map(|w| CompileWarning {
            category: text(&w[0]),
            message: text(&w[1]),
            filename: text(&w[2]),
            lineno: opt_int(&w[3])
                .and_then(|l| u32::try_from(l).ok())
                .unwrap_or(0),
            formatted: text(&w[4]),
        })
        .collect()
}

fn bad_reply(reply: &[Vec<u8>]) -> CompileError {
    let head: Vec<String> = reply.iter().take(3).map(|f| text(f)).collect();
    CompileError::Server(format!(
        "unexpected reply from the compile server: {head:?}"
    ))
}

/// Compiles `source` as Python's `compile(source, filename, mode, flags,
/// dont_inherit, optimize)` would, in the CPython 3.12 compile server.
/// `filename` is raw bytes (like `os.fsencode`), so any path can be passed.
pub fn compile_source(
    source: Source<'_>,
    filename: &[u8],
    mode: Mode,
    options: &CompileOptions,
) -> Result<CompiledCode, CompileError> {
    let (bytes, is_text): (&[u8], &[u8]) = match source {
        Source::Text(s) => (s.as_bytes(), b"1"),
        Source::Bytes(b) => (b, b"0"),
    };
    let flags = options.flags.to_string();
    let optimize = options.optimize.to_string();
    let reply = server::request(&[
        b"compile",
        mode.as_str().as_bytes(),
        filename,
        bytes,
        is_text,
        flags.as_bytes(),
        optimize.as_bytes(),
        if options.dont_inherit { b"1" } else { b"0" },
    ])?;
    match reply.first().map(Vec::as_slice) {
        Some(b"ok") if reply.len() >= 2 => Ok(CompiledCode {
            marshalled: reply[1].clone(),
            warnings: parse_warnings(&reply[2..]),
        }),
        Some(b"error") if reply.len() >= 11 => {
            Err(CompileError::Exception(Box::new(PyException {
                type_name: text(&reply[1]),
                is_syntax_error: reply[2] == b"1",
                msg: text(&reply[3]),
                filename: opt_text(&reply[4]),
                lineno: opt_int(&reply[5]),
                offset: opt_int(&reply[6]),
                text: opt_text(&reply[7]),
                end_lineno: opt_int(&reply[8]),
                end_offset: opt_int(&reply[9]),
                formatted: text(&reply[10]),
                warnings: parse_warnings(&reply[11..]),
            })))
        }
        _ => Err(bad_reply(&reply)),
    }
}

/// Compiles a source string (for `-c`, `exec`, `eval`, `compile`) with
/// default options; returns the marshalled code object (no `.pyc` header).
/// Coding cookies in `src` are ignored, as for any `str` source.
pub fn compile_source_string(
    src: &str,
    filename: &str,
    mode: Mode,
) -> Result<CompiledCode, CompileError> {
    compile_source(
        Source::Text(src),
        filename.as_bytes(),
        mode,
        &CompileOptions::default(),
    )
}

/// The `.pyc` of a source file, from [`pyc_for_source`].
#[derive(Clone, Debug)]
pub struct SourcePyc {
    /// The whole `.pyc` file content (16-byte header + marshalled code).
    pub pyc: Vec<u8>,
    /// The decoded module code object.
    pub code: Rc<RawCode>,
    /// Where the `.pyc` is cached: the file it was read from or written to;
    /// `None` if it could not be written (read-only directory, no `.py`
    /// suffix, `PYTHONDONTWRITEBYTECODE` set).
    pub cache_path: Option<PathBuf>,
    /// Whether an up-to-date cached `.pyc` was reused (no compilation).
    pub from_cache: bool,
    /// Warnings from compiling (empty when reused from the cache, as in
    /// CPython, which only warns when it compiles).
    pub warnings: Vec<CompileWarning>,
}

/// The path CPython 3.12 caches the bytecode of `py` at:
/// `DIR/__pycache__/NAME.cpython-312.pyc` for `DIR/NAME.py`. `None` when the
/// file name does not end in `.py` (such files are compiled but not cached).
pub fn cache_path_for(py: &Path) -> Option<PathBuf> {
    let name = py.file_name()?.to_str()?;
    let stem = name.strip_suffix(".py").filter(|s| !s.is_empty())?;
    Some(
        py.with_file_name("__pycache__")
            .join(format!("{stem}.cpython-312.pyc")),
    )
}

fn io_error(path: &Path, e: &std::io::Error) -> CompileError {
    CompileError::Io {
        path: path.to_path_buf(),
        errno: e.raw_os_error(),
        message: e.to_string(),
    }
}

/// Writes `data` to `path` atomically (temporary file + rename), creating the
/// directory, with the source's permission bits plus owner-write, as
/// CPython's `_write_atomic` does. Best effort: returns whether it worked.
fn write_atomic(path: &Path, data: &[u8], source_mode: u32) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    if fs::create_dir_all(dir).is_err() {
        return false;
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode((source_mode | 0o200) & 0o666)
        .open(&tmp)
        .and_then(|mut f| f.write_all(data))
        .and_then(|()| fs::rename(&tmp, path));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    written.is_ok()
}

/// The `.pyc` for the Python source file `py`, as CPython's import system
/// would get it:
///
/// - `__pycache__/NAME.cpython-312.pyc` (see [`cache_path_for`]) is reused if
///   its header matches the source (timestamp pycs: mtime and size; checked
///   hash-based pycs: the source's SipHash; unchecked ones: always) and it
///   reads back as a valid 3.12 `.pyc`;
/// - otherwise the source is compiled by CPython 3.12 (as `py_compile` and
///   import do: `compile(source_bytes, path, "exec", dont_inherit=True)`),
///   and the result written to the cache atomically (a hash-based pyc is
///   rewritten hash-based, anything else as a timestamp pyc). A cache that
///   cannot be written is not an error: the bytes are returned anyway.
///
/// A relative `py` is made absolute by joining it to the current directory
/// without normalizing (`./a.py` gives `/cwd/./a.py`), which is the
/// `co_filename` and the file name in error messages `python3.12 ./a.py`
/// uses. A cached pyc keeps the `co_filename` it was compiled with; CPython
/// rewrites it on import if the file moved (`_imp._fix_co_filename`), which
/// is left to the caller.
///
/// `PYTHONDONTWRITEBYTECODE` (non-empty) disables writing, like CPython
/// (see [`pyc_for_source_with`] to decide explicitly).
/// `sys.pycache_prefix`, `-O` opt tags and `--check-hash-based-pycs` are not
/// supported.
pub fn pyc_for_source(py: &Path) -> Result<SourcePyc, CompileError> {
    pyc_for_source_with(py, may_write_bytecode())
}

/// Whether compiled bytecode may be written to `__pycache__` (`PYTHONDONTWRITEBYTECODE` unset
/// or empty).
fn may_write_bytecode() -> bool {
    std::env::var_os("PYTHONDONTWRITEBYTECODE").is_none_or(|v| v.is_empty())
}

/// [`pyc_for_source`] for the main script: a compilation that warned is not cached, so that
/// every run prints the compiler's warnings, as CPython's (which never caches the main script)
/// does.
pub fn pyc_for_script(py: &Path) -> Result<SourcePyc, CompileError> {
    pyc_for_source_cached_unless_warned(py, may_write_bytecode(), true)
}

/// [`pyc_for_source`], with `write_cache` saying whether a freshly compiled
/// `.pyc` may be written to `__pycache__` (CPython's `sys.dont_write_bytecode`
/// is `!write_cache`). Existing caches are read either way.
pub fn pyc_for_source_with(py: &Path, write_cache: bool) -> Result<SourcePyc, CompileError> {
    pyc_for_source_cached_unless_warned(py, write_cache, false)
}

/// [`pyc_for_source_with`]; with `unless_warned`, a compilation that produced warnings is not
/// written to the cache.
fn pyc_for_source_cached_unless_warned(
    py: &Path,
    write_cache: bool,
    unless_warned: bool,
) -> Result<SourcePyc, CompileError> {
    let path = if py.is_absolute() {
        py.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| io_error(py, &e))?
            .join(py)
    };
    let meta = fs::metadata(&path).map_err(|e| io_error(&path, &e))?;
    let cache = cache_path_for(&path);
    let mut hash_mode = None;
    if let Some(cache) = &cache {
        if let Ok(existing) = fs::read(cache) {
            if let Ok(header) = PycHeader::parse(&existing) {
                if let PycValidation::Hash { check_source, .. } = header.validation {
                    hash_mode = Some(check_source);
                }
                if header.is_fresh_for(meta.mtime(), meta.size(), || fs::read(&path).ok()) {
                    if let Ok(code) = pyc::read_pyc(&existing) {
                        return Ok(SourcePyc {
                            pyc: existing,
                            code,
                            cache_path: Some(cache.clone()),
                            from_cache: true,
                            warnings: Vec::new(),
                        });
                    }
                }
            }
        }
    }
    let source = fs::read(&path).map_err(|e| io_error(&path, &e))?;
    let compiled = compile_source(
        Source::Bytes(&source),
        path.as_os_str().as_encoded_bytes(),
        Mode::Exec,
        &CompileOptions::default(),
    )?;
    let mut pyc_bytes = Vec::with_capacity(pyc::HEADER_LEN + compiled.marshalled.len());
    pyc_bytes.extend_from_slice(&pyc::MAGIC_BYTES);
    match hash_mode {
        Some(check_source) => {
            let flags = pyc::FLAG_HASH_BASED
                | if check_source {
                    pyc::FLAG_CHECK_SOURCE
                } else {
                    0
                };
            pyc_bytes.extend_from_slice(&flags.to_le_bytes());
            pyc_bytes.extend_from_slice(&pyc::source_hash(&source).to_le_bytes());
        }
        None => {
            pyc_bytes.extend_from_slice(&0u32.to_le_bytes());
            pyc_bytes
                .extend_from_slice(&((meta.mtime() as u64 & 0xFFFF_FFFF) as u32).to_le_bytes());
            pyc_bytes.extend_from_slice(&((meta.size() & 0xFFFF_FFFF) as u32).to_le_bytes());
        }
    }
    pyc_bytes.extend_from_slice(&compiled.marshalled);
    let code = pyc::read_pyc(&pyc_bytes).map_err(|e| {
        CompileError::Server(format!("the compile server returned unreadable code: {e}"))
    })?;
    let write_cache = write_cache && (!unless_warned || compiled.warnings.is_empty());
    let cache_path = cache.filter(|c| write_cache && write_atomic(c, &pyc_bytes, meta.mode()));
    Ok(SourcePyc {
        pyc: pyc_bytes,
        code,
        cache_path,
        from_cache: false,
        warnings: compiled.warnings,
    })
}
