//! `BytesIO`: an in-memory binary stream (a byte vector and a position).

use std::cell::{Cell, RefCell, UnsafeCell};
use std::mem::offset_of;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytes, ByteArray};
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::list::new_list;
use crate::objects::{
    alloc, dealloc_obj, flags, method, GetSetDef, Obj, PyPayload, PyResult, TypeObject,
};

use super::{closed_error, size_arg};

/// Payload of a `BytesIO`.
pub struct BytesIO {
    buf: RefCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    dict: UnsafeCell<Value>,
}

impl PyPayload for BytesIO {
    fn type_object() -> *const TypeObject {
        &BYTESIO_TYPE
    }
}

fn this(v: &Value) -> &BytesIO {
    v.downcast_ref::<BytesIO>()
        .expect("BytesIO method on a foreign object")
}

/// The payload, or `ValueError` when the stream is closed.
fn open_this(v: &Value) -> PyResult<&BytesIO> {
    let b = this(v);
    if b.closed.get() {
        return closed_error();
    }
    Ok(b)
}

impl BytesIO {
    /// Reads up to `n` bytes (all when `None`) from the position.
    fn read(&self, n: Option<usize>) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let end = match n {
            Some(n) => pos.saturating_add(n).min(buf.len()),
            None => buf.len(),
        };
        self.pos.set(end.max(self.pos.get()));
        buf[pos..end].to_vec()
    }

    /// Reads one line (up to `limit` bytes).
    fn readline(&self, limit: Option<usize>) -> Vec<u8> {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let mut end = match buf[pos..].iter().position(|&b| b == b'\n') {
            Some(i) => pos + i + 1,
            None => buf.len(),
        };
        if let Some(l) = limit {
            end = end.min(pos + l);
        }
        self.pos.set(end.max(self.pos.get()));
        buf[pos..end].to_vec()
    }

    /// Writes `data` at the position (zero-filling a gap past the end).
    fn write(&self, data: &[u8]) {
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, 0);
        }
        let end = pos + data.len();
        if end > buf.len() {
            buf.resize(end, 0);
        }
        buf[pos..end].copy_from_slice(data);
        self.pos.set(end);
    }
}

fn init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let mut p = ArgParser::new("BytesIO", args, kw);
    let initial = p.optional("initial_bytes")?;
    p.finish()?;
    let data = match &initial {
        None => Vec::new(),
        Some(x) if x.is_none() => Vec::new(),
        Some(x) => match as_bytes_like(x) {
            Some(b) => b.to_vec(),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("a bytes-like object is required, not '{}'", x.type_name()),
                )
            }
        },
    };
    let b = this(v);
    *b.buf.borrow_mut() = data;
    b.pos.set(0);
    b.closed.set(false);
    Ok(())
}

fn bytesio_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = alloc(
        ty,
        BytesIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            dict: UnsafeCell::new(Value::NULL),
        },
    );
    // SAFETY: types are immortal.
    let heap = unsafe { (*ty).flags } & flags::HEAPTYPE != 0;
    if !(heap && args.is_empty()) {
        init(&v, args, kw)?;
    }
    Ok(v)
}

fn m_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    init(v, args, kw)?;
    Ok(Value::NONE)
}

fn one_size(name: &str, args: &[Value], kw: &[Value]) -> PyResult<Option<usize>> {
    let mut p = ArgParser::new(name, args, kw);
    let n = p.optional_pos();
    p.finish()?;
    size_arg(n.as_ref())
}

fn m_getvalue(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(new_bytes(&open_this(v)?.buf.borrow()))
}

fn m_read(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("read", args, kw)?;
    Ok(new_bytes(&open_this(v)?.read(n)))
}

fn m_read1(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("read1", args, kw)?;
    Ok(new_bytes(&open_this(v)?.read(n)))
}

fn m_readline(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("readline", args, kw)?;
    Ok(new_bytes(&open_this(v)?.readline(n)))
}

fn m_readlines(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("readlines", args, kw);
    let hint = p.optional_pos();
    p.finish()?;
    let hint = match &hint {
        None => None,
        Some(h) if h.is_none() => None,
        Some(h) => {
            if h.ty().index.is_none() && !h.is_int() && !h.is_bool() {
                return err(
                    &TYPE_ERROR,
                    format!("integer argument expected, got '{}'", h.type_name()),
                );
            }
            let n = crate::ops::number::index_i64(h)?;
            (n > 0).then_some(n as usize)
        }
    };
    let b = open_this(v)?;
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = b.readline(None);
        if line.is_empty() {
            break;
        }
        total += line.len();
        lines.push(new_bytes(&line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(new_list(lines))
}

fn m_readinto(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let target = crate::builtins::args::exactly_one("readinto", args)?;
    let Some(ba) = target.downcast_ref::<ByteArray>() else {
        return err(
            &TYPE_ERROR,
            format!(
                "readinto() argument must be read-write bytes-like object, not {}",
                target.type_name()
            ),
        );
    };
    let b = open_this(v)?;
    let n = ba.with(|d| d.len());
    let data = b.read(Some(n));
    ba.with(|d| d[..data.len()].copy_from_slice(&data));
    Ok(Value::int(data.len() as i64))
}

fn m_write(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("write", args)?;
    let b = open_this(v)?;
    let Some(data) = as_bytes_like(x).map(|d| d.to_vec()) else {
        return err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", x.type_name()),
        );
    };
    b.write(&data);
    Ok(Value::int(data.len() as i64))
}

fn m_writelines(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let lines = crate::builtins::args::exactly_one("writelines", args)?;
    open_this(v)?;
    let it = crate::ops::sequence::iter(lines)?;
    while let Some(line) = crate::ops::sequence::next(&it)? {
        m_write(v, &[line], &[])?;
    }
    Ok(Value::NONE)
}

fn m_seek(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("seek", args, kw);
    let pos = p.optional_pos();
    let whence = p.optional_pos();
    p.finish()?;
    let Some(pos) = pos else {
        return err(&TYPE_ERROR, "seek expected at least 1 argument, got 0");
    };
    let b = open_this(v)?;
    let pos = crate::ops::number::index_i64(&pos)?;
    let whence = match whence {
        Some(w) => crate::ops::number::index_i64(&w)?,
        None => 0,
    };
    let len = b.buf.borrow().len() as i64;
    let new = match whence {
        0 => {
            if pos < 0 {
                return err(&VALUE_ERROR, format!("negative seek value {}", pos));
            }
            pos
        }
        1 => (b.pos.get() as i64).saturating_add(pos).max(0),
        2 => len.saturating_add(pos).max(0),
        w => {
            return err(
                &VALUE_ERROR,
                format!("invalid whence ({}, should be 0, 1 or 2)", w),
            )
        }
    };
    b.pos.set(new as usize);
    Ok(Value::int(new))
}

fn m_tell(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::int(open_this(v)?.pos.get() as i64))
}

fn m_truncate(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("truncate", args, kw);
    let size = p.optional_pos();
    p.finish()?;
    let b = open_this(v)?;
    let size = match &size {
        Some(s) if !s.is_none() => {
            if s.ty().index.is_none() && !s.is_int() && !s.is_bool() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "argument should be integer or None, not '{}'",
                        s.type_name()
                    ),
                );
            }
            let n = crate::ops::number::index_i64(s)?;
            if n < 0 {
                return err(&VALUE_ERROR, format!("negative size value {}", n));
            }
            n as usize
        }
        _ => b.pos.get(),
    };
    let mut buf = b.buf.borrow_mut();
    if size < buf.len() {
        buf.truncate(size);
    }
    Ok(Value::int(size as i64))
}

fn m_true(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    open_this(v)?;
    Ok(Value::TRUE)
}

fn m_false(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    open_this(v)?;
    Ok(Value::FALSE)
}

fn m_flush(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    open_this(v)?;
    Ok(Value::NONE)
}

fn m_close(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = this(v);
    b.closed.set(true);
    *b.buf.borrow_mut() = Vec::new();
    Ok(Value::NONE)
}

fn m_getstate(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = open_this(v)?;
    let d = crate::ops::object::instance_dict(v).unwrap_or(Value::NONE);
    let d = if d
        .downcast_ref::<crate::objects::dict::Dict>()
        .is_some_and(|d| d.is_empty())
    {
        Value::NONE
    } else {
        d
    };
    Ok(crate::objects::tuple::new_tuple(vec![
        new_bytes(&b.buf.borrow()),
        Value::int(b.pos.get() as i64),
        d,
    ]))
}

fn bytesio_next(v: &Value) -> PyResult<Option<Value>> {
    let b = open_this(v)?;
    let line = b.readline(None);
    if line.is_empty() {
        return Ok(None);
    }
    Ok(Some(new_bytes(&line)))
}

/// `_io.BytesIO`.
pub static BYTESIO_TYPE: TypeObject = TypeObject {
    name: "_io.BytesIO",
    base: &super::iobase::BUFFEREDIOBASE_TYPE,
    layout: &BYTESIO_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<BytesIO>, data) + offset_of!(BytesIO, dict),
    dealloc: dealloc_obj::<BytesIO>,
    new: Some(bytesio_new),
    iter: Some(|v| Ok(v.clone())),
    next: Some(bytesio_next),
    methods: &[
        method!("__init__", m_init),
        method!("getvalue", m_getvalue),
        method!("read", m_read),
        method!("read1", m_read1),
        method!("readline", m_readline),
        method!("readlines", m_readlines),
        method!("readinto", m_readinto),
        method!("write", m_write),
        method!("writelines", m_writelines),
        method!("seek", m_seek),
        method!("tell", m_tell),
        method!("truncate", m_truncate),
        method!("readable", m_true),
        method!("writable", m_true),
        method!("seekable", m_true),
        method!("isatty", m_false),
        method!("flush", m_flush),
        method!("close", m_close),
        method!("__getstate__", m_getstate),
    ],
    getsets: &[GetSetDef {
        name: "closed",
        get: |v| Ok(Value::bool(this(v).closed.get())),
        set: None,
    }],
    doc: "Buffered I/O implementation using an in-memory bytes buffer.",
    ..TypeObject::EMPTY
};
