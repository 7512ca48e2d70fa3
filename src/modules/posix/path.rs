//! Argument conversion shared by the `posix` functions: paths (str, bytes, `os.PathLike`,
//! optionally a file descriptor or `None`), file descriptors, `dir_fd`, and the OSErrors a
//! failed call raises (the errno's subclass, with the path as `filename`).

use std::ffi::CString;

use crate::abi::Value;
use crate::modules::io::{fspath, os_error};
use crate::objects::bytes::{as_bytes, new_bytes};
use crate::objects::exception::{err, OVERFLOW_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::{as_str, from_string};
use crate::objects::{PyResult, Raised};

/// A converted path argument (CPython's `path_t`).
pub struct PathArg {
    /// What error messages name: the str or bytes path (after `os.fspath`), or the fd.
    pub object: Value,
    /// The path as a C string (empty when the argument is a file descriptor or `None`).
    pub c: CString,
    /// The file descriptor, when an int was given.
    pub fd: Option<i32>,
    /// Whether the path was bytes (results that are paths are then bytes too).
    pub is_bytes: bool,
    /// Whether `None` was given (for the functions that default to the current directory).
    pub is_none: bool,
}

impl PathArg {
    /// The raw bytes of the path.
    pub fn bytes(&self) -> &[u8] {
        self.c.as_bytes()
    }
}

/// The errno of the last failed libc call.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Clears errno (before calls such as `readdir` that report errors only through it).
pub fn clear_errno() {
    // SAFETY: `__errno_location` returns the calling thread's errno slot.
    unsafe { *libc::__errno_location() = 0 };
}

/// The OSError for the current errno, naming `path` (a path's `object`).
pub fn path_error(path: &PathArg) -> Raised {
    os_error(errno(), Some(&path.object))
}

/// The OSError for the current errno, naming two paths (`'a' -> 'b'`, as `rename`).
pub fn path_error2(a: &PathArg, b: &PathArg) -> Raised {
    crate::modules::io::os_error2(errno(), &a.object, &b.object)
}

/// The OSError for the current errno, naming no file.
pub fn posix_error() -> Raised {
    os_error(errno(), None)
}

/// Bytes of a str or bytes path (str encoded as the file system encoding, UTF-8), checked for
/// NUL bytes.
pub fn path_bytes(v: &Value) -> PyResult<Option<(CString, bool)>> {
    let (b, is_bytes) = if let Some(s) = as_str(v) {
        (s.as_bytes().to_vec(), false)
    } else if let Some(b) = as_bytes(v) {
        (b.to_vec(), true)
    } else {
        return Ok(None);
    };
    match CString::new(b) {
        Ok(c) => Ok(Some((c, is_bytes))),
        Err(_) => err(&VALUE_ERROR, "embedded null byte"),
    }
}

/// Converts `v`, argument `argname` of function `func`, to a path. `allow_fd`: an int is a
/// file descriptor; `nullable`: `None` means the current directory (`"."`).
pub fn path_arg(
    func: &str,
    argname: &str,
    v: &Value,
    allow_fd: bool,
    nullable: bool,
) -> PyResult<PathArg> {
    if nullable && v.is_none() {
        return Ok(PathArg {
            object: Value::NONE,
            c: CString::new(".").unwrap(),
            fd: None,
            is_bytes: false,
            is_none: true,
        });
    }
    if allow_fd && (v.is_bool() || crate::objects::int::is_int(v)) {
        let fd = fd_value(v)?;
        return Ok(PathArg {
            object: v.clone(),
            c: CString::default(),
            fd: Some(fd),
            is_bytes: false,
            is_none: false,
        });
    }
    let p = match fspath(v) {
        Ok(Some(p)) => p,
        Ok(None) => {
            let allowed = match (allow_fd, nullable) {
                (true, true) => "string, bytes, os.PathLike, integer or None",
                (true, false) => "string, bytes, os.PathLike or integer",
                (false, true) => "string, bytes, os.PathLike or None",
                (false, false) => "string, bytes or os.PathLike",
            };
            return err(
                &TYPE_ERROR,
                format!(
                    "{}: {} should be {}, not {}",
                    func,
                    argname,
                    allowed,
                    v.type_name()
                ),
            );
        }
        Err(e) => return Err(e),
    };
    let (c, is_bytes) = path_bytes(&p)?.expect("fspath returns str or bytes");
    Ok(PathArg {
        object: p,
        c,
        fd: None,
        is_bytes,
        is_none: false,
    })
}

/// A file descriptor argument: an int that fits a C int.
pub fn fd_value(v: &Value) -> PyResult<i32> {
    if v.is_float() {
        return err(
            &TYPE_ERROR,
            "'float' object cannot be interpreted as an integer",
        );
    }
    let n = crate::ops::number::index(v)?;
    match n.as_small_int() {
        Some(i) if i > i32::MAX as i64 => {
            err(&OVERFLOW_ERROR, "signed integer is greater than maximum")
        }
        Some(i) if i < i32::MIN as i64 => {
            err(&OVERFLOW_ERROR, "signed integer is less than minimum")
        }
        Some(i) => Ok(i as i32),
        None => err(&OVERFLOW_ERROR, "Python int too large to convert to C int"),
    }
}

/// A file descriptor, or an object with a `fileno()` method (CPython's `fildes` converter).
pub fn fildes(v: &Value) -> PyResult<i32> {
    let v = if crate::objects::int::is_int(v) {
        v.clone()
    } else {
        match crate::ops::object::getattr_opt(v, &crate::objects::str::new_str("fileno"))? {
            Some(m) => crate::vm::call::call(&m, &[], &[])?,
            None => {
                return err(
                    &TYPE_ERROR,
                    "argument must be an int, or have a fileno() method.",
                )
            }
        }
    };
    if !crate::objects::int::is_int(&v) {
        return err(&TYPE_ERROR, "fileno() returned a non-integer");
    }
    let fd = fd_value(&v)?;
    if fd < 0 {
        return err(
            &VALUE_ERROR,
            format!("file descriptor cannot be a negative integer ({})", fd),
        );
    }
    Ok(fd)
}

/// A `dir_fd=` keyword: `None` is the current directory (`AT_FDCWD`).
pub fn dir_fd_arg(v: Option<Value>) -> PyResult<i32> {
    match v {
        None => Ok(libc::AT_FDCWD),
        Some(v) if v.is_none() => Ok(libc::AT_FDCWD),
        Some(v) => {
            if !crate::objects::int::is_int(&v) {
                return err(
                    &TYPE_ERROR,
                    format!("argument should be integer or None, not {}", v.type_name()),
                );
            }
            fd_value(&v)
        }
    }
}

/// A boolean keyword (`follow_symlinks=`): any object's truth value; `default` when absent.
pub fn bool_arg(v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => crate::ops::object::truthy(&v),
    }
}

/// A C `int` argument (`mode`, `flags`).
pub fn int_arg(v: &Value) -> PyResult<i64> {
    if v.is_float() {
        return err(
            &TYPE_ERROR,
            "'float' object cannot be interpreted as an integer",
        );
    }
    crate::ops::number::index_i64(v)
}

/// A path result (file name, link target) as str or bytes, matching the argument's kind. Names
/// that are not valid UTF-8 decode with U+FFFD where CPython would use surrogate escapes.
pub fn path_result(b: &[u8], as_bytes_: bool) -> Value {
    if as_bytes_ {
        new_bytes(b)
    } else {
        from_string(String::from_utf8_lossy(b).into_owned())
    }
}

/// Retries `f` while it fails with EINTR (running signal handlers in between), as CPython's
/// `Py_BEGIN_ALLOW_THREADS` loops do; returns the result or the errno.
pub fn retry<T: PartialOrd + Default>(mut f: impl FnMut() -> T) -> PyResult<Result<T, i32>> {
    loop {
        let r = f();
        if r >= T::default() {
            return Ok(Ok(r));
        }
        let e = errno();
        if e == libc::EINTR {
            crate::vm::signals::handle()?;
            continue;
        }
        return Ok(Err(e));
    }
}
