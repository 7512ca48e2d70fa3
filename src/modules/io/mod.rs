//! `_io`: the I/O stack `io.py` and the built-in `open()` are made of.
//!
//! As in CPython, a text file is three layers: [`textio::TextIOWrapper`] (decoding, newline
//! translation) over a buffered binary stream ([`buffered`]) over a raw file descriptor
//! ([`fileio::FileIO`]). Each layer calls the one below through its Python methods, so any
//! object with the right methods can stand in for a layer (a `TextIOWrapper` over a `BytesIO`,
//! a `BufferedReader` over a Python `RawIOBase`); when the layer below is the built-in type
//! itself, the call goes straight to its Rust code. [`stringio`] and [`bytesio`] are the
//! in-memory streams, [`iobase`] the four abstract base classes.
//!
//! The standard streams are `TextIOWrapper`s whose writes go to the process-wide buffers in
//! [`crate::modules::sys`], so `print()` and `sys.stdout.write()` share one ordered buffer.

pub mod buffered;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod stringio;
pub mod textio;

use std::cell::RefCell;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, raise, OS_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::module::new_module;
use crate::objects::str::{as_str, new_str};
use crate::objects::{PyResult, Raised, TypeObject};
use crate::ops::object::getattr_str;
use crate::vm::call::call;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

thread_local! {
    static UNSUPPORTED: RefCell<Option<&'static TypeObject>> = const { RefCell::new(None) };
    /// Live writable streams (object addresses): text layers, then buffers. CPython flushes
    /// them when it tears the interpreter down; [`flush_at_exit`] does the same.
    static WRITERS: RefCell<[Vec<usize>; 2]> = const { RefCell::new([Vec::new(), Vec::new()]) };
}

/// Records a writable stream object for [`flush_at_exit`] (`text`: a TextIOWrapper, else a
/// buffered writer).
pub fn register_writer(obj: &Value, text: bool) {
    let p = obj.payload as usize;
    WRITERS.with(|w| {
        let list = &mut w.borrow_mut()[!text as usize];
        if !list.contains(&p) {
            list.push(p);
        }
    });
}

/// Forgets a stream object (it is being freed).
pub fn unregister_writer(addr: usize) {
    // `try_with`: streams can be freed while thread-local storage is torn down.
    let _ = WRITERS.try_with(|w| {
        for list in w.borrow_mut().iter_mut() {
            if let Some(i) = list.iter().position(|&x| x == addr) {
                list.swap_remove(i);
            }
        }
    });
}

/// Flushes every live writable stream (text layers first, so their bytes reach the buffers):
/// data written to files that are never closed still lands, as at CPython's shutdown.
pub fn flush_at_exit() {
    for text in [true, false] {
        let objs: Vec<Value> = WRITERS.with(|w| {
            w.borrow()[!text as usize]
                .iter()
                .map(|&p| Value::from_borrowed_ptr(p as *const crate::abi::ObjHeader))
                .collect()
        });
        for v in objs {
            let saved = crate::vm::thread::take_raised();
            let _ = if text {
                textio::flush_for_exit(&v)
            } else {
                buffered::flush_for_exit(&v)
            };
            crate::vm::thread::take_raised();
            if !saved.is_null() {
                crate::vm::thread::restore_raised(saved);
            }
        }
    }
}

/// `io.UnsupportedOperation` (derived from both OSError and ValueError).
pub fn unsupported_operation() -> &'static TypeObject {
    UNSUPPORTED.with(|u| {
        *u.borrow_mut().get_or_insert_with(|| {
            crate::modules::new_exception_class(
                "io",
                "UnsupportedOperation",
                &[&OS_ERROR, &VALUE_ERROR],
            )
        })
    })
}

/// Raises `io.UnsupportedOperation(msg)`.
pub fn unsupported(msg: impl AsRef<str>) -> Raised {
    raise(unsupported_operation(), msg)
}

/// `ValueError: I/O operation on closed file.`
pub fn closed_error<T>() -> PyResult<T> {
    err(&VALUE_ERROR, "I/O operation on closed file.")
}

/// An OSError (the errno's subclass) for `errno`, with `filename` when given.
pub fn os_error(errno: i32, filename: Option<&Value>) -> Raised {
    // SAFETY: strerror returns a static C string for any errno.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned();
    let mut args = vec![Value::int(errno as i64), new_str(&msg)];
    if let Some(f) = filename {
        args.push(f.clone());
    }
    match crate::objects::exception::exc_new(&OS_ERROR, &args, &[]) {
        Ok(e) => crate::objects::exception::raise_value(e),
        Err(r) => r,
    }
}

/// An OSError for `errno` naming two files (`[Errno 2] ...: 'a' -> 'b'`, as `os.rename`).
pub fn os_error2(errno: i32, filename: &Value, filename2: &Value) -> Raised {
    // SAFETY: strerror returns a static C string for any errno.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned();
    let args = [
        Value::int(errno as i64),
        new_str(&msg),
        filename.clone(),
        Value::NONE,
        filename2.clone(),
    ];
    match crate::objects::exception::exc_new(&OS_ERROR, &args, &[]) {
        Ok(e) => crate::objects::exception::raise_value(e),
        Err(r) => r,
    }
}

/// The OSError for the current `errno`.
pub fn last_os_error(filename: Option<&Value>) -> Raised {
    os_error(
        std::io::Error::last_os_error().raw_os_error().unwrap_or(0),
        filename,
    )
}

/// Calls method `name` of `obj`.
pub fn call_method(obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
    let m = getattr_str(obj, name)?;
    call(&m, args, &[])
}

/// Whether `obj.closed` is true.
pub fn is_closed(obj: &Value) -> PyResult<bool> {
    let c = getattr_str(obj, "closed")?;
    crate::ops::object::truthy(&c)
}

/// A size argument: `None` or a negative int mean "all" (`None` here).
pub fn size_arg(v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if v.ty().index.is_none() && !v.is_int() && !v.is_bool() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "argument should be integer or None, not '{}'",
                        v.type_name()
                    ),
                );
            }
            let n = crate::ops::number::index_i64(v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

/// `os.fspath(file)` for `open()`: str, bytes, or `__fspath__()`'s result; `Ok(None)` when the
/// object is none of these.
pub fn fspath(file: &Value) -> PyResult<Option<Value>> {
    if as_str(file).is_some() || crate::objects::bytes::as_bytes(file).is_some() {
        return Ok(Some(file.clone()));
    }
    if let Some(f) = file.ty().lookup_str("__fspath__") {
        let p = call(&f, std::slice::from_ref(file), &[])?;
        if as_str(&p).is_none() && crate::objects::bytes::as_bytes(&p).is_none() {
            return err(
                &TYPE_ERROR,
                format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    file.type_name(),
                    p.type_name()
                ),
            );
        }
        return Ok(Some(p));
    }
    Ok(None)
}

/// A text-mode argument that must be str or None (`encoding`, `errors`, `newline`).
pub fn opt_str_arg(func: &str, name: &str, v: Option<Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match as_str(&v) {
            Some(s) => Ok(Some(s.to_string())),
            None => err(
                &TYPE_ERROR,
                format!(
                    "{}() argument '{}' must be str or None, not {}",
                    func,
                    name,
                    v.type_name()
                ),
            ),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True,
/// opener=None)`.
pub fn open(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("open", args, kwnames);
    let file = p.required("file")?;
    let mode = p.optional("mode")?;
    let buffering = p.optional("buffering")?;
    let encoding = p.optional("encoding")?;
    let errors = p.optional("errors")?;
    let newline = p.optional("newline")?;
    let closefd = p.optional("closefd")?;
    let opener = p.optional("opener")?;
    p.finish()?;
    let mode_s = match &mode {
        None => "r".to_string(),
        Some(m) => match as_str(m) {
            Some(s) => s.to_string(),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("open() argument 'mode' must be str, not {}", m.type_name()),
                )
            }
        },
    };
    let buffering = match &buffering {
        None => -1,
        Some(b) => crate::ops::number::index_i64(b)?,
    };
    let encoding = opt_str_arg("open", "encoding", encoding)?;
    let errors = opt_str_arg("open", "errors", errors)?;
    let newline = opt_str_arg("open", "newline", newline)?;
    let closefd = match &closefd {
        None => true,
        Some(c) => crate::ops::object::truthy(c)?,
    };
    if !crate::objects::int::is_int(&file) && fspath(&file)?.is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "expected str, bytes or os.PathLike object, not {}",
                file.type_name()
            ),
        );
    }
    // Mode letters: each at most once, from "rwxabt+".
    let mut seen = String::new();
    for c in mode_s.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            return err(&VALUE_ERROR, format!("invalid mode: '{}'", mode_s));
        }
        seen.push(c);
    }
    let has = |c: char| mode_s.contains(c);
    let (creating, reading, writing, appending, updating) =
        (has('x'), has('r'), has('w'), has('a'), has('+'));
    let (text, binary) = (has('t'), has('b'));
    if text && binary {
        return err(&VALUE_ERROR, "can't have text and binary mode at once");
    }
    if [creating, reading, writing, appending]
        .iter()
        .filter(|&&b| b)
        .count()
        != 1
    {
        return err(
            &VALUE_ERROR,
            "must have exactly one of create/read/write/append mode",
        );
    }
    if binary && encoding.is_some() {
        return err(
            &VALUE_ERROR,
            "binary mode doesn't take an encoding argument",
        );
    }
    if binary && errors.is_some() {
        return err(&VALUE_ERROR, "binary mode doesn't take an errors argument");
    }
    if binary && newline.is_some() {
        return err(&VALUE_ERROR, "binary mode doesn't take a newline argument");
    }
    if !binary {
        textio::check_newline(newline.as_deref())?;
    }
    // `buffering=1` in binary mode: CPython warns (RuntimeWarning) and uses the default size,
    // which is what happens below.
    let mut rawmode = String::new();
    for (flag, c) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if flag {
            rawmode.push(c);
        }
    }
    let raw = fileio::new_fileio(&file, &rawmode, closefd, opener.as_ref())?;
    let result = (|| {
        let isatty = fileio::raw_isatty(&raw);
        let line_buffering = buffering == 1 || (buffering < 0 && isatty);
        // As CPython: the default buffer is the file system's block size.
        let size = if buffering == 1 || buffering < 0 {
            fileio::exact(&raw)
                .map(|f| f.blksize())
                .filter(|&b| b > 1)
                .unwrap_or(DEFAULT_BUFFER_SIZE)
        } else {
            buffering as usize
        };
        if buffering == 0 {
            if binary {
                return Ok(raw.clone());
            }
            return err(&VALUE_ERROR, "can't have unbuffered text I/O");
        }
        let kind = if updating {
            buffered::Kind::Random
        } else if creating || writing || appending {
            buffered::Kind::Writer
        } else {
            buffered::Kind::Reader
        };
        let buffer = buffered::new_buffered(kind, raw.clone(), size)?;
        if binary {
            return Ok(buffer);
        }
        let t = textio::new_text(
            buffer,
            encoding.as_deref(),
            errors.as_deref(),
            newline.as_deref(),
            line_buffering,
            false,
        )?;
        crate::ops::object::setattr(&t, &new_str("mode"), Some(new_str(&mode_s)))?;
        Ok(t)
    })();
    if result.is_err() {
        // Close the descriptor we opened; the original error wins.
        let saved = crate::vm::thread::take_raised();
        let _ = call_method(&raw, "close", &[]);
        crate::vm::thread::take_raised();
        crate::vm::thread::restore_raised(saved);
    }
    result
}

/// `open_code(path)`: the file opened for reading as binary.
fn f_open_code(m: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("open_code", args, kw);
    let path = p.required("path")?;
    p.finish()?;
    if as_str(&path).is_none() {
        return err(
            &TYPE_ERROR,
            format!(
                "open_code() argument 'path' must be str, not {}",
                path.type_name()
            ),
        );
    }
    open(m, &[path, new_str("rb")], &[])
}

/// `text_encoding(encoding, stacklevel=2)`: `"utf-8"` for None (apython runs in UTF-8 mode).
fn f_text_encoding(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("text_encoding", args, kw);
    let enc = p.required("encoding")?;
    let _stacklevel = p.optional("stacklevel")?;
    p.finish()?;
    if enc.is_none() {
        return Ok(new_str("utf-8"));
    }
    Ok(enc)
}

/// Creates the `_io` module.
pub fn create() -> Value {
    let m = new_module("_io");
    let md = m.downcast_ref::<crate::objects::module::Module>().unwrap();
    md.set(
        "__doc__",
        new_str("The io module provides the Python interfaces to stream handling."),
    );
    md.set(
        "DEFAULT_BUFFER_SIZE",
        Value::int(DEFAULT_BUFFER_SIZE as i64),
    );
    md.set(
        "BlockingIOError",
        crate::objects::exception::BLOCKING_IO_ERROR.to_value(),
    );
    md.set("UnsupportedOperation", unsupported_operation().to_value());
    for t in [
        &iobase::IOBASE_TYPE,
        &iobase::RAWIOBASE_TYPE,
        &iobase::BUFFEREDIOBASE_TYPE,
        &iobase::TEXTIOBASE_TYPE,
        &fileio::FILEIO_TYPE,
        &buffered::BUFFERED_READER_TYPE,
        &buffered::BUFFERED_WRITER_TYPE,
        &buffered::BUFFERED_RANDOM_TYPE,
        &buffered::BUFFERED_RWPAIR_TYPE,
        &bytesio::BYTESIO_TYPE,
        &stringio::STRINGIO_TYPE,
        &textio::TEXTIOWRAPPER_TYPE,
        &textio::NEWLINE_DECODER_TYPE,
    ] {
        md.set(crate::objects::type_::short_name(t), t.to_value());
    }
    crate::modules::add_functions(
        &m,
        &[
            ("open", open),
            ("open_code", f_open_code),
            ("text_encoding", f_text_encoding),
        ],
    );
    // `io.open is open`, as in CPython: one function object.
    if let Some(b) = crate::builtins::builtins_dict()
        .downcast_ref::<crate::objects::dict::Dict>()
        .and_then(|d| d.get_str(&new_str("open")))
    {
        md.set("open", b);
    }
    m
}
