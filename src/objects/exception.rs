//! The built-in exception hierarchy and exception instances.
//!
//! Every exception instance has the layout of `BaseException`: an [`ExceptionData`] with
//! `args`, the traceback, `__cause__`, `__context__` and an instance dict for extra attributes
//! (`StopIteration.value`, `SystemExit.code`, `AttributeError.name`, ...). Raising from Rust is
//! `Err(raise(&TYPE_ERROR, "message"))` or the shorthand [`err`].

use std::cell::{Cell, UnsafeCell};
use std::mem::offset_of;

use crate::abi::Value;
use crate::objects::object::OBJECT_TYPE;
use crate::objects::str::{as_str, new_str};
use crate::objects::tuple::{new_tuple, tuple_items};
use crate::objects::{
    alloc, dealloc_obj, flags, GetSetDef, MethodDef, MethodKind, Obj, PyPayload, PyResult, Raised,
    TypeObject,
};
use crate::vm::thread;

/// Payload of every exception instance.
pub struct ExceptionData {
    /// The `args` tuple.
    pub args: UnsafeCell<Value>,
    /// `__traceback__`: a traceback object or NULL.
    pub traceback: UnsafeCell<Value>,
    /// `__cause__` (NULL = None).
    pub cause: UnsafeCell<Value>,
    /// `__context__` (NULL = None).
    pub context: UnsafeCell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// Instance `__dict__` (NULL until first attribute store).
    pub dict: UnsafeCell<Value>,
    /// `BaseExceptionGroup.message` (NULL for exceptions that are not groups).
    pub eg_message: UnsafeCell<Value>,
    /// `BaseExceptionGroup.exceptions`, a non-empty tuple (NULL for non-groups).
    pub eg_excs: UnsafeCell<Value>,
}

impl PyPayload for ExceptionData {
    fn type_object() -> *const TypeObject {
        &BASE_EXCEPTION
    }
}

impl ExceptionData {
    /// The args tuple.
    pub fn args(&self) -> Value {
        // SAFETY: single-threaded; the cell is only replaced, never borrowed across calls.
        unsafe { (*self.args.get()).clone() }
    }
    /// `__traceback__` (NULL when none).
    pub fn traceback(&self) -> Value {
        // SAFETY: as above.
        unsafe { (*self.traceback.get()).clone() }
    }
    /// Replaces `__traceback__`.
    pub fn set_traceback(&self, tb: Value) {
        // SAFETY: as above; the old value is dropped after the store.
        let _old = unsafe { std::mem::replace(&mut *self.traceback.get(), tb) };
    }
    /// `__cause__` (NULL when None).
    pub fn cause(&self) -> Value {
        // SAFETY: as above.
        unsafe { (*self.cause.get()).clone() }
    }
    /// Sets `__cause__` (NULL for None).
    pub fn set_cause(&self, v: Value) {
        // SAFETY: as above.
        let _old = unsafe { std::mem::replace(&mut *self.cause.get(), v) };
    }
    /// `__context__` (NULL when None).
    pub fn context(&self) -> Value {
        // SAFETY: as above.
        unsafe { (*self.context.get()).clone() }
    }
    /// Sets `__context__` (NULL for None).
    pub fn set_context(&self, v: Value) {
        // SAFETY: as above.
        let _old = unsafe { std::mem::replace(&mut *self.context.get(), v) };
    }
}

/// The attributes CPython keeps in member slots of some exceptions (`AttributeError.name`,
/// `.obj`, ...): class attributes here, `None` until an instance sets them.
pub fn member_defaults(t: &TypeObject) -> &'static [&'static str] {
    if std::ptr::eq(t, &ATTRIBUTE_ERROR) {
        &["name", "obj"]
    } else if std::ptr::eq(t, &NAME_ERROR) {
        &["name"]
    } else if std::ptr::eq(t, &IMPORT_ERROR) {
        &["name", "path", "name_from"]
    } else {
        &[]
    }
}

/// Offset of the instance dict inside every exception object.
pub(crate) const EXC_DICT_OFFSET: usize =
    offset_of!(Obj<ExceptionData>, data) + offset_of!(ExceptionData, dict);

macro_rules! exception_types {
    ($( $(#[$doc:meta])* $id:ident = $name:literal : $base:ident; )*) => {
        $(
            $(#[$doc])*
            pub static $id: TypeObject = TypeObject {
                name: $name,
                base: &$base,
                layout: &BASE_EXCEPTION,
                flags: flags::BASETYPE | flags::EXCEPTION,
                dict_offset: EXC_DICT_OFFSET,
                dealloc: dealloc_obj::<ExceptionData>,
                repr: Some(exc_repr),
                str: Some(exc_str),
                hash: Some(exc_hash),
                new: Some(exc_new),
                methods: EXC_METHODS,
                getsets: EXC_GETSETS,
                ..TypeObject::EMPTY
            };
        )*
        /// Every built-in exception type, base classes first (the exception groups right
        /// after `Exception`).
        pub fn exception_types() -> Vec<&'static TypeObject> {
            let mut v: Vec<&'static TypeObject> = vec![$(&$id),*];
            let at = v.iter().position(|t| std::ptr::eq(*t, &EXCEPTION)).unwrap() + 1;
            v.insert(at, &crate::objects::exception_group::EXCEPTION_GROUP);
            v.insert(at, &crate::objects::exception_group::BASE_EXCEPTION_GROUP);
            v
        }
    };
}

exception_types! {
    /// `BaseException`, root of the hierarchy.
    BASE_EXCEPTION = "BaseException": OBJECT_TYPE;
    SYSTEM_EXIT = "SystemExit": BASE_EXCEPTION;
    KEYBOARD_INTERRUPT = "KeyboardInterrupt": BASE_EXCEPTION;
    GENERATOR_EXIT = "GeneratorExit": BASE_EXCEPTION;
    EXCEPTION = "Exception": BASE_EXCEPTION;
    STOP_ITERATION = "StopIteration": EXCEPTION;
    STOP_ASYNC_ITERATION = "StopAsyncIteration": EXCEPTION;
    ARITHMETIC_ERROR = "ArithmeticError": EXCEPTION;
    FLOATING_POINT_ERROR = "FloatingPointError": ARITHMETIC_ERROR;
    OVERFLOW_ERROR = "OverflowError": ARITHMETIC_ERROR;
    ZERO_DIVISION_ERROR = "ZeroDivisionError": ARITHMETIC_ERROR;
    ASSERTION_ERROR = "AssertionError": EXCEPTION;
    ATTRIBUTE_ERROR = "AttributeError": EXCEPTION;
    BUFFER_ERROR = "BufferError": EXCEPTION;
    EOF_ERROR = "EOFError": EXCEPTION;
    IMPORT_ERROR = "ImportError": EXCEPTION;
    MODULE_NOT_FOUND_ERROR = "ModuleNotFoundError": IMPORT_ERROR;
    LOOKUP_ERROR = "LookupError": EXCEPTION;
    INDEX_ERROR = "IndexError": LOOKUP_ERROR;
    KEY_ERROR = "KeyError": LOOKUP_ERROR;
    MEMORY_ERROR = "MemoryError": EXCEPTION;
    NAME_ERROR = "NameError": EXCEPTION;
    UNBOUND_LOCAL_ERROR = "UnboundLocalError": NAME_ERROR;
    OS_ERROR = "OSError": EXCEPTION;
    BLOCKING_IO_ERROR = "BlockingIOError": OS_ERROR;
    CHILD_PROCESS_ERROR = "ChildProcessError": OS_ERROR;
    CONNECTION_ERROR = "ConnectionError": OS_ERROR;
    BROKEN_PIPE_ERROR = "BrokenPipeError": CONNECTION_ERROR;
    CONNECTION_ABORTED_ERROR = "ConnectionAbortedError": CONNECTION_ERROR;
    CONNECTION_REFUSED_ERROR = "ConnectionRefusedError": CONNECTION_ERROR;
    CONNECTION_RESET_ERROR = "ConnectionResetError": CONNECTION_ERROR;
    FILE_EXISTS_ERROR = "FileExistsError": OS_ERROR;
    FILE_NOT_FOUND_ERROR = "FileNotFoundError": OS_ERROR;
    INTERRUPTED_ERROR = "InterruptedError": OS_ERROR;
    IS_A_DIRECTORY_ERROR = "IsADirectoryError": OS_ERROR;
    NOT_A_DIRECTORY_ERROR = "NotADirectoryError": OS_ERROR;
    PERMISSION_ERROR = "PermissionError": OS_ERROR;
    PROCESS_LOOKUP_ERROR = "ProcessLookupError": OS_ERROR;
    TIMEOUT_ERROR = "TimeoutError": OS_ERROR;
    REFERENCE_ERROR = "ReferenceError": EXCEPTION;
    RUNTIME_ERROR = "RuntimeError": EXCEPTION;
    NOT_IMPLEMENTED_ERROR = "NotImplementedError": RUNTIME_ERROR;
    RECURSION_ERROR = "RecursionError": RUNTIME_ERROR;
    SYNTAX_ERROR = "SyntaxError": EXCEPTION;
    INDENTATION_ERROR = "IndentationError": SYNTAX_ERROR;
    TAB_ERROR = "TabError": INDENTATION_ERROR;
    SYSTEM_ERROR = "SystemError": EXCEPTION;
    TYPE_ERROR = "TypeError": EXCEPTION;
    VALUE_ERROR = "ValueError": EXCEPTION;
    UNICODE_ERROR = "UnicodeError": VALUE_ERROR;
    UNICODE_DECODE_ERROR = "UnicodeDecodeError": UNICODE_ERROR;
    UNICODE_ENCODE_ERROR = "UnicodeEncodeError": UNICODE_ERROR;
    UNICODE_TRANSLATE_ERROR = "UnicodeTranslateError": UNICODE_ERROR;
    WARNING = "Warning": EXCEPTION;
    DEPRECATION_WARNING = "DeprecationWarning": WARNING;
    PENDING_DEPRECATION_WARNING = "PendingDeprecationWarning": WARNING;
    RUNTIME_WARNING = "RuntimeWarning": WARNING;
    SYNTAX_WARNING = "SyntaxWarning": WARNING;
    USER_WARNING = "UserWarning": WARNING;
    FUTURE_WARNING = "FutureWarning": WARNING;
    IMPORT_WARNING = "ImportWarning": WARNING;
    UNICODE_WARNING = "UnicodeWarning": WARNING;
    BYTES_WARNING = "BytesWarning": WARNING;
    RESOURCE_WARNING = "ResourceWarning": WARNING;
    ENCODING_WARNING = "EncodingWarning": WARNING;
}

/// `hash(exc)`: by identity, as `object.__hash__`.
pub(crate) fn exc_hash(v: &Value) -> PyResult<i64> {
    Ok(crate::objects::object::identity_hash(v))
}

/// A new exception instance of type `ty` with the given args.
pub fn new_exception(ty: *const TypeObject, args: Vec<Value>) -> Value {
    let v = alloc(
        ty,
        ExceptionData {
            args: UnsafeCell::new(new_tuple(args)),
            traceback: UnsafeCell::new(Value::NULL),
            cause: UnsafeCell::new(Value::NULL),
            context: UnsafeCell::new(Value::NULL),
            suppress_context: Cell::new(false),
            dict: UnsafeCell::new(Value::NULL),
            eg_message: UnsafeCell::new(Value::NULL),
            eg_excs: UnsafeCell::new(Value::NULL),
        },
    );
    if std::ptr::eq(ty, &STOP_ITERATION)
        || crate::objects::type_::is_subtype_ptr(ty, &STOP_ITERATION)
    {
        // `StopIteration.value` mirrors args[0].
        let val = exc_arg0(&v);
        let _ = crate::ops::object::set_instance_dict_item(&v, "value", val);
    }
    v
}

fn exc_arg0(v: &Value) -> Value {
    let d = v.downcast_ref::<ExceptionData>().unwrap();
    tuple_items(&d.args())
        .first()
        .cloned()
        .unwrap_or(Value::NONE)
}

/// A new exception instance with one message argument.
pub fn new_exception_msg(ty: *const TypeObject, msg: impl AsRef<str>) -> Value {
    new_exception(ty, vec![new_str(msg.as_ref())])
}

/// Raises `ty(msg)`: stores it in the thread state and returns the marker.
pub fn raise(ty: &'static TypeObject, msg: impl AsRef<str>) -> Raised {
    thread::set_raised(new_exception_msg(ty, msg))
}

/// `Err(raise(ty, msg))`, for `return err(&TYPE_ERROR, ...)`.
pub fn err<T>(ty: &'static TypeObject, msg: impl AsRef<str>) -> PyResult<T> {
    Err(raise(ty, msg))
}

/// Raises an exception instance (or class, instantiated with no args).
pub fn raise_value(exc: Value) -> Raised {
    thread::set_raised(exc)
}

/// Whether the exception in flight is an instance of `ty` (or a subclass).
pub fn raised_matches(ty: &TypeObject) -> bool {
    let e = thread::peek_raised();
    !e.is_null() && e.ty().is_subtype(ty)
}

/// Whether `v` is an exception instance.
pub fn is_exception(v: &Value) -> bool {
    v.downcast_ref::<ExceptionData>().is_some()
}

/// `tp_new` of every built-in exception type (and of classes derived from them).
/// The OSError subclass CPython picks for an errno (`OSError(2, ...)` is a FileNotFoundError).
fn oserror_subclass(errno: i64) -> Option<&'static TypeObject> {
    let e = errno as i32;
    Some(match e {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &BLOCKING_IO_ERROR,
        libc::ECHILD => &CHILD_PROCESS_ERROR,
        libc::EPIPE | libc::ESHUTDOWN => &BROKEN_PIPE_ERROR,
        libc::ECONNABORTED => &CONNECTION_ABORTED_ERROR,
        libc::ECONNREFUSED => &CONNECTION_REFUSED_ERROR,
        libc::ECONNRESET => &CONNECTION_RESET_ERROR,
        libc::EEXIST => &FILE_EXISTS_ERROR,
        libc::ENOENT => &FILE_NOT_FOUND_ERROR,
        libc::EISDIR => &IS_A_DIRECTORY_ERROR,
        libc::ENOTDIR => &NOT_A_DIRECTORY_ERROR,
        libc::EINTR => &INTERRUPTED_ERROR,
        libc::EACCES | libc::EPERM => &PERMISSION_ERROR,
        libc::ESRCH => &PROCESS_LOOKUP_ERROR,
        libc::ETIMEDOUT => &TIMEOUT_ERROR,
        _ => return None,
    })
}

pub(crate) fn exc_new(ty: *const TypeObject, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kwnames.len();
    if std::ptr::eq(ty, &OS_ERROR) && (2..=5).contains(&npos) {
        if let Some(sub) = args[0].as_small_int().and_then(oserror_subclass) {
            return exc_new(sub, args, kwnames);
        }
    }
    if crate::objects::type_::is_subtype_ptr(
        ty,
        &crate::objects::exception_group::BASE_EXCEPTION_GROUP,
    ) {
        return crate::objects::exception_group::eg_new(ty, args, kwnames);
    }
    let n = args.len() - kwnames.len();
    let v = new_exception(ty, args[..n].to_vec());
    if crate::objects::type_::is_subtype_ptr(ty, &OS_ERROR) {
        // OSError(errno, strerror[, filename]) exposes its arguments as attributes.
        // OSError(errno, strerror[, filename[, winerror[, filename2]]]).
        let pos = &args[..n];
        let (errno, strerror, filename, filename2) = if (2..=5).contains(&n) {
            (
                pos[0].clone(),
                pos[1].clone(),
                pos.get(2).cloned().unwrap_or(Value::NONE),
                pos.get(4).cloned().unwrap_or(Value::NONE),
            )
        } else {
            (Value::NONE, Value::NONE, Value::NONE, Value::NONE)
        };
        let has_filename = !filename.is_none();
        crate::ops::object::set_instance_dict_item(&v, "errno", errno)?;
        crate::ops::object::set_instance_dict_item(&v, "strerror", strerror)?;
        crate::ops::object::set_instance_dict_item(&v, "filename", filename)?;
        crate::ops::object::set_instance_dict_item(
            &v,
            "filename2",
            if has_filename { filename2 } else { Value::NONE },
        )?;
        if n >= 3 && has_filename {
            // `args` keeps only (errno, strerror), as CPython.
            let d = v.downcast_ref::<ExceptionData>().unwrap();
            // SAFETY: single-threaded cell replacement.
            let _old =
                unsafe { std::mem::replace(&mut *d.args.get(), new_tuple(pos[..2].to_vec())) };
        }
    }
    if std::ptr::eq(ty, &SYSTEM_EXIT) || crate::objects::type_::is_subtype_ptr(ty, &SYSTEM_EXIT) {
        let code = match n {
            0 => Value::NONE,
            1 => args[0].clone(),
            _ => new_tuple(args[..n].to_vec()),
        };
        crate::ops::object::set_instance_dict_item(&v, "code", code)?;
    }
    init_import_syntax_attrs(ty, &v, &args[..n], kwnames, &args[n..])?;
    init_unicode_error_attrs(ty, &v, &args[..n])?;
    Ok(v)
}

/// The attributes `UnicodeEncodeError(encoding, object, start, end, reason)`,
/// `UnicodeDecodeError(...)` (object: bytes) and `UnicodeTranslateError(object, start, end,
/// reason)` take from their arguments, checked as CPython's `__init__` does.
fn init_unicode_error_attrs(ty: *const TypeObject, v: &Value, args: &[Value]) -> PyResult<()> {
    let is = |t: &TypeObject| crate::objects::type_::is_subtype_ptr(ty, t);
    let (names, kinds): (&[&str], &[u8]) = if is(&UNICODE_ENCODE_ERROR) {
        (&["encoding", "object", "start", "end", "reason"], b"ssiis")
    } else if is(&UNICODE_DECODE_ERROR) {
        (&["encoding", "object", "start", "end", "reason"], b"sbiis")
    } else if is(&UNICODE_TRANSLATE_ERROR) {
        (&["object", "start", "end", "reason"], b"siis")
    } else {
        return Ok(());
    };
    if args.len() != names.len() {
        return err(
            &TYPE_ERROR,
            format!(
                "function takes exactly {} arguments ({} given)",
                names.len(),
                args.len()
            ),
        );
    }
    for (i, ((name, kind), a)) in names.iter().zip(kinds).zip(args).enumerate() {
        let x = match kind {
            b's' if as_str(a).is_some() => a.clone(),
            b'b' if crate::objects::bytes::as_bytes_like(a).is_some() => {
                crate::objects::bytes::new_bytes(crate::objects::bytes::as_bytes_like(a).unwrap())
            }
            b'i' if crate::objects::int::is_int(a) => a.clone(),
            b'b' => {
                return err(
                    &TYPE_ERROR,
                    format!("a bytes-like object is required, not '{}'", a.type_name()),
                )
            }
            _ => {
                let want = if *kind == b's' { "str" } else { "int" };
                return err(
                    &TYPE_ERROR,
                    format!("argument {} must be {}, not {}", i + 1, want, a.type_name()),
                );
            }
        };
        crate::ops::object::set_instance_dict_item(v, name, x)?;
    }
    Ok(())
}

/// `UnicodeEncodeError.__str__` and its siblings: the message built from the attributes,
/// or `None` when they are not there (the error was made with other arguments).
fn unicode_error_str(v: &Value) -> PyResult<Option<String>> {
    let get = |n: &str| crate::ops::object::get_instance_dict_item(v, n);
    let (Some(object), Some(start), Some(end), Some(reason)) =
        (get("object"), get("start"), get("end"), get("reason"))
    else {
        return Ok(None);
    };
    let (Some(start), Some(end)) = (start.as_small_int(), end.as_small_int()) else {
        return Ok(None);
    };
    let reason = crate::ops::object::str_string(&reason)?;
    let encoding = match get("encoding") {
        Some(e) => crate::ops::object::str_string(&e)?,
        None => String::new(),
    };
    let single = end == start + 1 && start >= 0;
    let t = v.ty();
    if t.is_subtype(&UNICODE_DECODE_ERROR) {
        let b = crate::objects::bytes::as_bytes_like(&object).unwrap_or(&[]);
        return Ok(Some(match b.get(start as usize) {
            Some(byte) if single => format!(
                "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                encoding, byte, start, reason
            ),
            _ => format!(
                "'{}' codec can't decode bytes in position {}-{}: {}",
                encoding,
                start,
                end - 1,
                reason
            ),
        }));
    }
    let ch = as_str(&object).and_then(|s| s.chars().nth(start.max(0) as usize));
    let what = match ch {
        Some(c) if single => {
            let c = c as u32;
            let esc = if c <= 0xff {
                format!("\\x{:02x}", c)
            } else if c <= 0xffff {
                format!("\\u{:04x}", c)
            } else {
                format!("\\U{:08x}", c)
            };
            format!("character '{}' in position {}", esc, start)
        }
        _ => format!("characters in position {}-{}", start, end - 1),
    };
    Ok(Some(if t.is_subtype(&UNICODE_ENCODE_ERROR) {
        format!("'{}' codec can't encode {}: {}", encoding, what, reason)
    } else {
        format!("can't translate {}: {}", what, reason)
    }))
}

/// The attributes `ImportError.__init__` (`msg`, `name`, `path`, keywords `name=`/`path=`)
/// and `SyntaxError.__init__` (`msg` and the `(filename, lineno, offset, text, end_lineno,
/// end_offset)` details) set.
fn init_import_syntax_attrs(
    ty: *const TypeObject,
    v: &Value,
    args: &[Value],
    kwnames: &[Value],
    kwvals: &[Value],
) -> PyResult<()> {
    let is = |t: &TypeObject| std::ptr::eq(ty, t) || crate::objects::type_::is_subtype_ptr(ty, t);
    let set = |k: &str, x: Value| crate::ops::object::set_instance_dict_item(v, k, x);
    if is(&IMPORT_ERROR) {
        set(
            "msg",
            if args.len() == 1 {
                args[0].clone()
            } else {
                Value::NONE
            },
        )?;
        set("name", Value::NONE)?;
        set("path", Value::NONE)?;
        for (k, x) in kwnames.iter().zip(kwvals) {
            match as_str(k).as_deref() {
                Some(key @ ("name" | "path")) => set(key, x.clone())?,
                other => {
                    // SAFETY: `ty` is a live type object (the one being called).
                    let tname = unsafe { (*ty).name };
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "'{}' is an invalid keyword argument for {}()",
                            other.unwrap_or("?"),
                            tname
                        ),
                    );
                }
            }
        }
    } else if is(&NAME_ERROR) || is(&ATTRIBUTE_ERROR) {
        // `name=` (and for AttributeError `obj=`) keywords; both default to None.
        let keys: &[&str] = if is(&NAME_ERROR) {
            &["name"]
        } else {
            &["name", "obj"]
        };
        for k in keys {
            set(k, Value::NONE)?;
        }
        let exact = std::ptr::eq(ty, &NAME_ERROR) || std::ptr::eq(ty, &ATTRIBUTE_ERROR);
        for (k, x) in kwnames.iter().zip(kwvals) {
            match as_str(k).as_deref() {
                Some(key) if keys.contains(&key) => set(key, x.clone())?,
                other if exact => {
                    // SAFETY: `ty` is a live type object (the one being called).
                    let tname = unsafe { (*ty).name };
                    return err(
                        &TYPE_ERROR,
                        format!(
                            "'{}' is an invalid keyword argument for {}()",
                            other.unwrap_or("?"),
                            tname
                        ),
                    );
                }
                _ => {}
            }
        }
    } else if is(&SYNTAX_ERROR) {
        let names = [
            "filename",
            "lineno",
            "offset",
            "text",
            "end_lineno",
            "end_offset",
        ];
        set("msg", args.first().cloned().unwrap_or(Value::NONE))?;
        for k in names {
            set(k, Value::NONE)?;
        }
        set("print_file_and_line", Value::NONE)?;
        if args.len() == 2 {
            let info = crate::objects::tuple::to_tuple(&args[1])?;
            let items = tuple_items(&info);
            if items.len() < 4 || items.len() > 6 {
                return err(&INDEX_ERROR, "tuple index out of range");
            }
            for (k, x) in names.iter().zip(items.iter()) {
                set(k, x.clone())?;
            }
        }
    }
    Ok(())
}

/// `BaseException.__str__`.
pub(crate) fn exc_str(v: &Value) -> PyResult<Value> {
    let d = v.downcast_ref::<ExceptionData>().unwrap();
    let args = d.args();
    let items = tuple_items(&args);
    if v.ty().is_subtype(&UNICODE_ERROR) && !std::ptr::eq(v.ty(), &UNICODE_ERROR) {
        if let Some(s) = unicode_error_str(v)? {
            return Ok(crate::objects::str::from_string(s));
        }
    }
    if v.ty().is_subtype(&SYNTAX_ERROR) {
        if let Some(s) = syntax_error_str(v)? {
            return Ok(s);
        }
    }
    if v.ty().is_subtype(&KEY_ERROR) && items.len() == 1 {
        return crate::ops::object::repr(&items[0]);
    }
    if v.ty().is_subtype(&OS_ERROR) && items.len() == 2 {
        // `[Errno 2] No such file or directory: 'name'`, as OSError's __str__.
        let filename = crate::ops::object::get_instance_dict_item(v, "filename");
        let mut s = format!(
            "[Errno {}] {}",
            crate::ops::object::str_string(&items[0])?,
            crate::ops::object::str_string(&items[1])?
        );
        if let Some(f) = filename.filter(|f| !f.is_none()) {
            s.push_str(": ");
            s.push_str(&crate::ops::object::repr_string(&f)?);
            let f2 = crate::ops::object::get_instance_dict_item(v, "filename2");
            if let Some(f2) = f2.filter(|f| !f.is_none()) {
                s.push_str(" -> ");
                s.push_str(&crate::ops::object::repr_string(&f2)?);
            }
        }
        return Ok(crate::objects::str::from_string(s));
    }
    match items.len() {
        0 => Ok(new_str("")),
        1 => crate::ops::object::str_of(&items[0]),
        _ => crate::ops::object::str_of(&args),
    }
}

/// `SyntaxError.__str__`: `msg (file, line N)` with the file's base name, when the
/// exception carries location attributes (`None` otherwise: plain exception `str`).
fn syntax_error_str(v: &Value) -> PyResult<Option<Value>> {
    let get = |n: &str| crate::ops::object::get_instance_dict_item(v, n).filter(|x| !x.is_none());
    let Some(msg) = crate::ops::object::get_instance_dict_item(v, "msg") else {
        return Ok(None);
    };
    let msg = crate::ops::object::str_string(&msg)?;
    let file = get("filename")
        .and_then(|f| as_str(&f).map(|s| s.rsplit('/').next().unwrap_or("").to_string()));
    let line = get("lineno").and_then(|l| l.as_small_int());
    let s = match (file, line) {
        (Some(f), Some(l)) => format!("{} ({}, line {})", msg, f, l),
        (Some(f), None) => format!("{} ({})", msg, f),
        (None, Some(l)) => format!("{} (line {})", msg, l),
        (None, None) => msg,
    };
    Ok(Some(crate::objects::str::from_string(s)))
}

/// `BaseException.__repr__`.
pub(crate) fn exc_repr(v: &Value) -> PyResult<Value> {
    let d = v.downcast_ref::<ExceptionData>().unwrap();
    let args = d.args();
    let items = tuple_items(&args);
    let name = v.type_name();
    let s = if items.len() == 1 {
        let r = crate::ops::object::repr(&items[0])?;
        format!("{}({})", name, &*as_str(&r).unwrap())
    } else {
        let r = crate::ops::object::repr(&args)?;
        format!("{}{}", name, &*as_str(&r).unwrap())
    };
    Ok(crate::objects::str::from_string(s))
}

fn exc_with_traceback(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = this.downcast_ref::<ExceptionData>().unwrap();
    let tb = args.first().cloned().unwrap_or(Value::NONE);
    d.set_traceback(if tb.is_none() { Value::NULL } else { tb });
    Ok(this.clone())
}

fn exc_add_note(this: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(note) = args.first() else {
        return err(
            &TYPE_ERROR,
            "BaseException.add_note() takes exactly one argument (0 given)",
        );
    };
    if as_str(note).is_none() {
        return err(
            &TYPE_ERROR,
            format!("note must be a str, not '{}'", note.type_name()),
        );
    }
    let notes = match crate::ops::object::get_instance_dict_item(this, "__notes__") {
        Some(n) => n,
        None => {
            let l = crate::objects::list::new_list(vec![]);
            crate::ops::object::set_instance_dict_item(this, "__notes__", l.clone())?;
            l
        }
    };
    match notes.downcast_ref::<crate::objects::list::List>() {
        Some(l) => l.push(note.clone()),
        None => return err(&TYPE_ERROR, "Cannot add note: __notes__ is not a list"),
    }
    Ok(Value::NONE)
}

fn exc_init(this: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = this.downcast_ref::<ExceptionData>().unwrap();
    let n = args.len() - kw.len();
    // SAFETY: single-threaded cell replacement.
    let _old = unsafe { std::mem::replace(&mut *d.args.get(), new_tuple(args[..n].to_vec())) };
    Ok(Value::NONE)
}

/// Methods of `BaseException`.
pub(crate) static EXC_METHODS: &[MethodDef] = &[
    MethodDef {
        name: "__init__",
        func: exc_init,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "with_traceback",
        func: exc_with_traceback,
        kind: MethodKind::Instance,
        doc: "",
    },
    MethodDef {
        name: "add_note",
        func: exc_add_note,
        kind: MethodKind::Instance,
        doc: "",
    },
];

fn none_if_null(v: Value) -> Value {
    if v.is_null() {
        Value::NONE
    } else {
        v
    }
}

fn null_if_none(v: Option<Value>) -> Value {
    match v {
        Some(v) if !v.is_none() => v,
        _ => Value::NULL,
    }
}

fn data(v: &Value) -> &ExceptionData {
    v.downcast_ref::<ExceptionData>()
        .expect("exception getset on a non-exception")
}

/// Attributes of `BaseException`.
pub(crate) static EXC_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "args",
        get: |v| Ok(data(v).args()),
        set: Some(|v, a| {
            let t = crate::objects::tuple::to_tuple(&a.unwrap_or(Value::NONE))?;
            // SAFETY: single-threaded cell replacement.
            let _old = unsafe { std::mem::replace(&mut *data(v).args.get(), t) };
            Ok(())
        }),
    },
    GetSetDef {
        name: "__traceback__",
        get: |v| Ok(none_if_null(data(v).traceback())),
        set: Some(|v, a| {
            data(v).set_traceback(null_if_none(a));
            Ok(())
        }),
    },
    GetSetDef {
        name: "__cause__",
        get: |v| Ok(none_if_null(data(v).cause())),
        set: Some(|v, a| {
            if let Some(c) = &a {
                if !c.is_none() && !is_exception(c) {
                    return err(
                        &TYPE_ERROR,
                        "exception cause must be None or derive from BaseException",
                    );
                }
            }
            data(v).set_cause(null_if_none(a));
            data(v).suppress_context.set(true);
            Ok(())
        }),
    },
    GetSetDef {
        name: "__context__",
        get: |v| Ok(none_if_null(data(v).context())),
        set: Some(|v, a| {
            if let Some(c) = &a {
                if !c.is_none() && !is_exception(c) {
                    return err(
                        &TYPE_ERROR,
                        "exception context must be None or derive from BaseException",
                    );
                }
            }
            data(v).set_context(null_if_none(a));
            Ok(())
        }),
    },
    GetSetDef {
        name: "__suppress_context__",
        get: |v| Ok(Value::bool(data(v).suppress_context.get())),
        set: Some(|v, a| {
            let b = crate::ops::object::truthy(&a.unwrap_or(Value::FALSE))?;
            data(v).suppress_context.set(b);
            Ok(())
        }),
    },
];

/// Sets `exc.__context__` to the exception being handled, breaking any cycle as CPython does.
pub fn attach_context(exc: &Value, handled: &Value) {
    if handled.is_null() || handled.is(exc) {
        return;
    }
    let Some(d) = exc.downcast_ref::<ExceptionData>() else {
        return;
    };
    // If `exc` is already in the handled exception's context chain, cut the chain there.
    let mut o = handled.clone();
    while let Some(od) = o.downcast_ref::<ExceptionData>() {
        let c = od.context();
        if c.is_null() {
            break;
        }
        if c.is(exc) {
            od.set_context(Value::NULL);
            break;
        }
        o = c;
    }
    d.set_context(handled.clone());
}

/// Raises the Python exception a `format` module error stands for.
pub fn raise_format(e: crate::format::FormatError) -> Raised {
    let ty = match e.kind {
        crate::format::ErrorKind::ValueError => &VALUE_ERROR,
        crate::format::ErrorKind::OverflowError => &OVERFLOW_ERROR,
        crate::format::ErrorKind::MemoryError => &MEMORY_ERROR,
    };
    raise(ty, e.message)
}
