//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`: default
//! methods written against the stream's own Python methods (`readline` over `read`/`peek`,
//! `RawIOBase.read` over `readinto`, ...), so Python subclasses only supply the primitives.
//!
//! Their instances are plain objects with a dict; `close()` records itself in the dict as
//! `__IOBase_closed`, as in CPython.

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytearray, new_bytes, ByteArray};
use crate::objects::exception::{err, NOT_IMPLEMENTED_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::list::new_list;
use crate::objects::object::{Bare, OBJECT_TYPE};
use crate::objects::str::new_str;
use crate::objects::{
    alloc, dealloc_obj, flags, method, GetSetDef, MethodDef, PyResult, TypeObject, WithDict,
};
use crate::ops::object::{getattr_opt, truthy};
use crate::ops::sequence::{iter, next};

use super::{call_method, closed_error, is_closed, size_arg, unsupported, DEFAULT_BUFFER_SIZE};

const CLOSED_ATTR: &str = "__IOBase_closed";

/// `_IOBase.closed`: whether `close()` ran (the `__IOBase_closed` flag in the instance dict).
fn iobase_closed(v: &Value) -> PyResult<Value> {
    Ok(Value::bool(
        crate::ops::object::get_instance_dict_item(v, CLOSED_ATTR)
            .map(|x| truthy(&x))
            .transpose()?
            .unwrap_or(false),
    ))
}

/// Raises `ValueError` when `v.closed` (the `_checkClosed` every method starts with).
pub fn check_closed(v: &Value) -> PyResult<()> {
    if is_closed(v)? {
        return closed_error();
    }
    Ok(())
}

fn check_capability(v: &Value, method: &str, msg: &str) -> PyResult<()> {
    let r = call_method(v, method, &[])?;
    if !truthy(&r)? {
        return Err(unsupported(msg));
    }
    Ok(())
}

/// `_checkReadable()`: UnsupportedOperation unless `v.readable()`.
pub fn check_readable(v: &Value) -> PyResult<()> {
    check_capability(v, "readable", "File or stream is not readable.")
}

/// `_checkWritable()`: UnsupportedOperation unless `v.writable()`.
pub fn check_writable(v: &Value) -> PyResult<()> {
    check_capability(v, "writable", "File or stream is not writable.")
}

/// `_checkSeekable()`: UnsupportedOperation unless `v.seekable()`.
pub fn check_seekable(v: &Value) -> PyResult<()> {
    check_capability(v, "seekable", "File or stream is not seekable.")
}

fn m_unsupported_seek(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("seek"))
}

fn m_unsupported_truncate(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("truncate"))
}

fn m_unsupported_fileno(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("fileno"))
}

fn m_tell(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    call_method(v, "seek", &[Value::int(0), Value::int(1)])
}

fn m_flush(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if truthy(&iobase_closed(v)?)? {
        return closed_error();
    }
    Ok(Value::NONE)
}

fn m_close(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    if truthy(&iobase_closed(v)?)? {
        return Ok(Value::NONE);
    }
    let r = call_method(v, "flush", &[]);
    crate::ops::object::set_instance_dict_item(v, CLOSED_ATTR, Value::TRUE)?;
    r.map(|_| Value::NONE)
}

fn m_false(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn m_isatty(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_closed(v)?;
    Ok(Value::FALSE)
}

fn check_msg_arg(v: &Value, args: &[Value], f: fn(&Value) -> PyResult<()>) -> PyResult<Value> {
    let _ = args;
    f(v)?;
    Ok(Value::NONE)
}

fn m_check_closed(v: &Value, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_msg_arg(v, a, check_closed)
}

fn m_check_readable(v: &Value, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_msg_arg(v, a, check_readable)
}

fn m_check_writable(v: &Value, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_msg_arg(v, a, check_writable)
}

fn m_check_seekable(v: &Value, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_msg_arg(v, a, check_seekable)
}

fn m_enter(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_closed(v)?;
    Ok(v.clone())
}

fn m_exit(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    call_method(v, "close", &[])
}

/// `IOBase.readline(size=-1)`: bytes up to and including `\n`, through `peek` when the stream
/// has it, else one `read(1)` at a time.
fn m_readline(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("readline", args, kw);
    let limit = size_arg(p.optional_pos().as_ref())?;
    p.finish()?;
    let peek = getattr_opt(v, &new_str("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        let mut nreadahead = 1;
        if let Some(pk) = &peek {
            let ahead = crate::vm::call::call(pk, &[Value::int(1)], &[])?;
            let Some(ab) = as_bytes_like(&ahead) else {
                return err(
                    &crate::objects::exception::OS_ERROR,
                    format!(
                        "peek() should have returned a bytes object, not '{}'",
                        ahead.type_name()
                    ),
                );
            };
            if !ab.is_empty() {
                let mut n = match ab.iter().position(|&b| b == b'\n') {
                    Some(i) => i + 1,
                    None => ab.len(),
                };
                if let Some(l) = limit {
                    n = n.min(l - out.len());
                }
                nreadahead = n;
            }
        }
        let b = call_method(v, "read", &[Value::int(nreadahead as i64)])?;
        if b.is_none() {
            break;
        }
        let Some(bb) = as_bytes_like(&b) else {
            return err(
                &crate::objects::exception::OS_ERROR,
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    b.type_name()
                ),
            );
        };
        if bb.is_empty() {
            break;
        }
        out.extend_from_slice(bb);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(&out))
}

/// `IOBase.readlines(hint=-1)`: the lines of `iter(self)`, stopping once `hint` bytes/chars
/// were read.
pub fn m_readlines(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("readlines", args, kw);
    let hint = size_arg(p.optional_pos().as_ref())?;
    p.finish()?;
    let it = iter(v)?;
    let mut lines = Vec::new();
    let mut total = 0usize;
    while let Some(line) = next(&it)? {
        let n = crate::ops::sequence::len(&line)?;
        lines.push(line);
        total += n;
        if hint.is_some_and(|h| h > 0 && total >= h) {
            break;
        }
    }
    Ok(new_list(lines))
}

/// `IOBase.writelines(lines)`.
pub fn m_writelines(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let lines = crate::builtins::args::exactly_one("writelines", args)?;
    check_closed(v)?;
    let it = iter(lines)?;
    while let Some(line) = next(&it)? {
        call_method(v, "write", &[line])?;
    }
    Ok(Value::NONE)
}

fn iobase_iter(v: &Value) -> PyResult<Value> {
    check_closed(v)?;
    Ok(v.clone())
}

fn iobase_next(v: &Value) -> PyResult<Option<Value>> {
    let line = call_method(v, "readline", &[])?;
    if crate::ops::sequence::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// Methods of `_IOBase`.
static IOBASE_METHODS: &[MethodDef] = &[
    method!("seek", m_unsupported_seek),
    method!("tell", m_tell),
    method!("truncate", m_unsupported_truncate),
    method!("flush", m_flush),
    method!("close", m_close),
    method!("seekable", m_false),
    method!("readable", m_false),
    method!("writable", m_false),
    method!("fileno", m_unsupported_fileno),
    method!("isatty", m_isatty),
    method!("_checkClosed", m_check_closed),
    method!("_checkReadable", m_check_readable),
    method!("_checkWritable", m_check_writable),
    method!("_checkSeekable", m_check_seekable),
    method!("__enter__", m_enter),
    method!("__exit__", m_exit),
    method!("readline", m_readline),
    method!("readlines", m_readlines),
    method!("writelines", m_writelines),
];

/// The instance dict offset of the abstract bases (objects with a dict).
const BASE_DICT_OFFSET: usize = std::mem::offset_of!(crate::objects::Obj<WithDict<Bare>>, data)
    + std::mem::offset_of!(WithDict<Bare>, dict);

fn base_new(ty: *const TypeObject, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(alloc(ty, Bare))
}

/// Fields shared by the four abstract bases.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
const ABSTRACT: TypeObject = TypeObject {
    layout: &OBJECT_TYPE,
    flags: flags::BASETYPE | flags::WRAPS_DICT,
    dict_offset: BASE_DICT_OFFSET,
    dealloc: dealloc_obj::<WithDict<Bare>>,
    new: Some(base_new),
    iter: Some(iobase_iter),
    next: Some(iobase_next),
    ..TypeObject::EMPTY
};

/// `_io._IOBase`.
pub static IOBASE_TYPE: TypeObject = TypeObject {
    name: "_io._IOBase",
    base: &OBJECT_TYPE,
    methods: IOBASE_METHODS,
    getsets: &[GetSetDef {
        name: "closed",
        get: iobase_closed,
        set: None,
    }],
    doc: "The abstract base class for all I/O classes.",
    ..ABSTRACT
};

// ---------------------------------------------------------------------------------------------
// _RawIOBase

/// `RawIOBase.read(size=-1)`: `readall()` or one `readinto()`.
fn raw_read(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("read", args, kw);
    let n = size_arg(p.optional_pos().as_ref())?;
    p.finish()?;
    let Some(n) = n else {
        return call_method(v, "readall", &[]);
    };
    let b = new_bytearray(vec![0u8; n]);
    let r = call_method(v, "readinto", std::slice::from_ref(&b))?;
    if r.is_none() {
        return Ok(Value::NONE);
    }
    let k = crate::ops::number::index_i64(&r)?;
    if k < 0 || k as usize > n {
        return err(
            &VALUE_ERROR,
            format!("readinto returned {} outside buffer size {}", k, n),
        );
    }
    let data = as_bytes_like(&b).map(|d| d[..k as usize].to_vec());
    Ok(new_bytes(&data.unwrap_or_default()))
}

/// `RawIOBase.readall()`: `read(DEFAULT_BUFFER_SIZE)` until EOF.
fn raw_readall(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        let data = call_method(v, "read", &[Value::int(DEFAULT_BUFFER_SIZE as i64)])?;
        if data.is_none() {
            if out.is_empty() {
                return Ok(Value::NONE);
            }
            break;
        }
        let Some(d) = as_bytes_like(&data) else {
            return err(&TYPE_ERROR, "read() should return bytes");
        };
        if d.is_empty() {
            break;
        }
        out.extend_from_slice(d);
    }
    Ok(new_bytes(&out))
}

fn not_implemented(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    err(&NOT_IMPLEMENTED_ERROR, "")
}

/// `_io._RawIOBase`.
pub static RAWIOBASE_TYPE: TypeObject = TypeObject {
    name: "_io._RawIOBase",
    base: &IOBASE_TYPE,
    methods: &[
        method!("read", raw_read),
        method!("readall", raw_readall),
        method!("readinto", not_implemented),
        method!("write", not_implemented),
    ],
    doc: "Base class for raw binary I/O.",
    ..ABSTRACT
};

// ---------------------------------------------------------------------------------------------
// _BufferedIOBase

fn unsupported_read(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("read"))
}

fn unsupported_read1(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("read1"))
}

fn unsupported_write(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("write"))
}

fn unsupported_detach(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("detach"))
}

/// `readinto(b)` in terms of `read(len(b))` (or `read1`).
fn readinto_generic(v: &Value, args: &[Value], method: &str) -> PyResult<Value> {
    let b = crate::builtins::args::exactly_one(method, args)?;
    let Some(ba) = b.downcast_ref::<ByteArray>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "readinto() argument must be read-write bytes-like object, not {}",
                b.type_name()
            ),
        );
    };
    let n = ba.with(|d| d.len());
    let data = call_method(v, method, &[Value::int(n as i64)])?;
    let Some(d) = as_bytes_like(&data).map(|d| d.to_vec()) else {
        return err(&TYPE_ERROR, "read() should return bytes");
    };
    let k = d.len().min(n);
    ba.with(|buf| buf[..k].copy_from_slice(&d[..k]));
    Ok(Value::int(k as i64))
}

fn buffered_readinto(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    readinto_generic(v, args, "read")
}

fn buffered_readinto1(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    readinto_generic(v, args, "read1")
}

/// `_io._BufferedIOBase`.
pub static BUFFEREDIOBASE_TYPE: TypeObject = TypeObject {
    name: "_io._BufferedIOBase",
    base: &IOBASE_TYPE,
    methods: &[
        method!("read", unsupported_read),
        method!("read1", unsupported_read1),
        method!("write", unsupported_write),
        method!("detach", unsupported_detach),
        method!("readinto", buffered_readinto),
        method!("readinto1", buffered_readinto1),
    ],
    doc: "Base class for buffered IO objects.",
    ..ABSTRACT
};

// ---------------------------------------------------------------------------------------------
// _TextIOBase

fn unsupported_readline(_: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Err(unsupported("readline"))
}

/// `_io._TextIOBase`.
pub static TEXTIOBASE_TYPE: TypeObject = TypeObject {
    name: "_io._TextIOBase",
    base: &IOBASE_TYPE,
    methods: &[
        method!("read", unsupported_read),
        method!("readline", unsupported_readline),
        method!("write", unsupported_write),
        method!("detach", unsupported_detach),
    ],
    getsets: &[
        GetSetDef {
            name: "encoding",
            get: |_| Ok(Value::NONE),
            set: None,
        },
        GetSetDef {
            name: "newlines",
            get: |_| Ok(Value::NONE),
            set: None,
        },
        GetSetDef {
            name: "errors",
            get: |_| Ok(Value::NONE),
            set: None,
        },
    ],
    doc: "Base class for text I/O.",
    ..ABSTRACT
};
