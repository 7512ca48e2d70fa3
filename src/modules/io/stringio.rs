//! `StringIO`: an in-memory text stream. The text is a vector of code points (positions count
//! characters, as in CPython); newline translation happens on write, per the `newline`
//! argument.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::mem::offset_of;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::exception::{err, OS_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, flags, method, GetSetDef, Obj, PyPayload, PyResult, TypeObject,
};

use super::size_arg;
use super::textio::{newlines_value, scan_newlines, Newline};

/// Payload of a `StringIO`.
pub struct StringIO {
    buf: RefCell<Vec<char>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    newline: Cell<Newline>,
    /// Newline kinds seen (universal modes), as [`scan_newlines`] bits.
    seen: Cell<u8>,
    dict: UnsafeCell<Value>,
}

impl PyPayload for StringIO {
    fn type_object() -> *const TypeObject {
        &STRINGIO_TYPE
    }
}

fn this(v: &Value) -> &StringIO {
    v.downcast_ref::<StringIO>()
        .expect("StringIO method on a foreign object")
}

/// The payload, or `ValueError` when closed (StringIO's message has no period).
fn open_this(v: &Value) -> PyResult<&StringIO> {
    let s = this(v);
    if s.closed.get() {
        return err(&VALUE_ERROR, "I/O operation on closed file");
    }
    Ok(s)
}

impl StringIO {
    /// Writes `text` at the position after newline translation; returns the length given.
    fn write(&self, text: &str) -> usize {
        let n = text.chars().count();
        let nl = self.newline.get();
        let translated;
        let text = match nl {
            Newline::Universal | Newline::Untranslated => {
                self.seen.set(self.seen.get() | scan_newlines(text));
                if nl == Newline::Universal && text.contains('\r') {
                    translated = text.replace("\r\n", "\n").replace('\r', "\n");
                    &translated[..]
                } else {
                    text
                }
            }
            Newline::Lf => text,
            Newline::Cr | Newline::CrLf => {
                translated = text.replace('\n', nl.as_str());
                &translated[..]
            }
        };
        let mut buf = self.buf.borrow_mut();
        let pos = self.pos.get();
        if pos > buf.len() {
            buf.resize(pos, '\0');
        }
        let chars: Vec<char> = text.chars().collect();
        let end = pos + chars.len();
        if end > buf.len() {
            buf.resize(end, '\0');
        }
        buf[pos..end].copy_from_slice(&chars);
        self.pos.set(end);
        n
    }

    fn read(&self, n: Option<usize>) -> String {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let end = match n {
            Some(n) => pos.saturating_add(n).min(buf.len()),
            None => buf.len(),
        };
        self.pos.set(end.max(self.pos.get()));
        buf[pos..end].iter().collect()
    }

    fn readline(&self, limit: Option<usize>) -> String {
        let buf = self.buf.borrow();
        let pos = self.pos.get().min(buf.len());
        let rest = &buf[pos..];
        let mut end = pos + line_len(rest, self.newline.get()).unwrap_or(rest.len());
        if let Some(l) = limit {
            end = end.min(pos + l);
        }
        self.pos.set(end.max(self.pos.get()));
        buf[pos..end].iter().collect()
    }
}

/// Length of the first line of `s` including its terminator, per the newline mode; `None`
/// when `s` holds no complete line.
fn line_len(s: &[char], nl: Newline) -> Option<usize> {
    match nl {
        Newline::Universal | Newline::Lf => s.iter().position(|&c| c == '\n').map(|i| i + 1),
        Newline::Cr => s.iter().position(|&c| c == '\r').map(|i| i + 1),
        Newline::CrLf => s.windows(2).position(|w| w == ['\r', '\n']).map(|i| i + 2),
        Newline::Untranslated => {
            let i = s.iter().position(|&c| c == '\r' || c == '\n')?;
            if s[i] == '\r' && s.get(i + 1) == Some(&'\n') {
                Some(i + 2)
            } else {
                Some(i + 1)
            }
        }
    }
}

fn init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let mut p = ArgParser::new("StringIO", args, kw);
    let initial = p.optional("initial_value")?;
    let newline = p.optional("newline")?;
    p.finish()?;
    let nl = match &newline {
        None => Newline::Lf,
        Some(n) if n.is_none() => Newline::Universal,
        Some(n) => match as_str(n) {
            Some(s) => match Newline::parse(&s) {
                Some(nl) => nl,
                None => {
                    return err(
                        &VALUE_ERROR,
                        format!(
                            "illegal newline value: {}",
                            crate::ops::object::repr_string(n)?
                        ),
                    )
                }
            },
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("newline must be str or None, not {}", n.type_name()),
                )
            }
        },
    };
    let text = match &initial {
        None => None,
        Some(x) if x.is_none() => None,
        Some(x) => match as_str(x) {
            Some(s) => Some(s.to_string()),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("initial_value must be str or None, not {}", x.type_name()),
                )
            }
        },
    };
    let s = this(v);
    s.buf.borrow_mut().clear();
    s.pos.set(0);
    s.closed.set(false);
    s.newline.set(nl);
    s.seen.set(0);
    if let Some(t) = text {
        s.write(&t);
        s.pos.set(0);
    }
    Ok(())
}

fn stringio_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = alloc(
        ty,
        StringIO {
            buf: RefCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            newline: Cell::new(Newline::Lf),
            seen: Cell::new(0),
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
    Ok(from_string(open_this(v)?.buf.borrow().iter().collect()))
}

fn m_read(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("read", args, kw)?;
    Ok(from_string(open_this(v)?.read(n)))
}

fn m_readline(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("readline", args, kw)?;
    Ok(from_string(open_this(v)?.readline(n)))
}

fn m_write(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("write", args)?;
    let s = open_this(v)?;
    let Some(t) = as_str(x) else {
        return err(
            &TYPE_ERROR,
            format!("string argument expected, got '{}'", x.type_name()),
        );
    };
    Ok(Value::int(s.write(&t) as i64))
}

fn m_seek(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("seek", args, kw);
    let pos = p.optional_pos();
    let whence = p.optional_pos();
    p.finish()?;
    let Some(pos) = pos else {
        return err(&TYPE_ERROR, "seek expected at least 1 argument, got 0");
    };
    let pos = crate::ops::number::index_i64(&pos)?;
    let whence = match whence {
        Some(w) => crate::ops::number::index_i64(&w)?,
        None => 0,
    };
    let s = open_this(v)?;
    if !(0..=2).contains(&whence) {
        return err(
            &VALUE_ERROR,
            format!("Invalid whence ({}, should be 0, 1 or 2)", whence),
        );
    }
    if pos < 0 && whence == 0 {
        return err(&VALUE_ERROR, format!("Negative seek position {}", pos));
    }
    if whence != 0 && pos != 0 {
        return err(&OS_ERROR, "Can't do nonzero cur-relative seeks");
    }
    let new = match whence {
        0 => pos as usize,
        1 => s.pos.get(),
        _ => s.buf.borrow().len(),
    };
    s.pos.set(new);
    Ok(Value::int(new as i64))
}

fn m_tell(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::int(open_this(v)?.pos.get() as i64))
}

fn m_truncate(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("truncate", args, kw);
    let size = p.optional_pos();
    p.finish()?;
    let s = open_this(v)?;
    let size = match &size {
        Some(x) if !x.is_none() => {
            if x.ty().index.is_none() && !x.is_int() && !x.is_bool() {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "argument should be integer or None, not '{}'",
                        x.type_name()
                    ),
                );
            }
            let n = crate::ops::number::index_i64(x)?;
            if n < 0 {
                return err(&VALUE_ERROR, format!("Negative size value {}", n));
            }
            n as usize
        }
        _ => s.pos.get(),
    };
    let mut buf = s.buf.borrow_mut();
    if size < buf.len() {
        buf.truncate(size);
    }
    Ok(Value::int(size as i64))
}

fn m_true(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    open_this(v)?;
    Ok(Value::TRUE)
}

fn m_close(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = this(v);
    s.closed.set(true);
    *s.buf.borrow_mut() = Vec::new();
    Ok(Value::NONE)
}

fn m_getstate(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let s = open_this(v)?;
    let nl = match s.newline.get() {
        Newline::Universal => Value::NONE,
        n => new_str(n.as_str()),
    };
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
        from_string(s.buf.borrow().iter().collect()),
        nl,
        Value::int(s.pos.get() as i64),
        d,
    ]))
}

fn stringio_next(v: &Value) -> PyResult<Option<Value>> {
    let line = if std::ptr::eq(v.ty(), &STRINGIO_TYPE) {
        from_string(open_this(v)?.readline(None))
    } else {
        open_this(v)?;
        let l = super::call_method(v, "readline", &[])?;
        if as_str(&l).is_none() {
            return err(
                &OS_ERROR,
                format!(
                    "readline() should have returned a str object, not '{}'",
                    l.type_name()
                ),
            );
        }
        l
    };
    if as_str(&line).is_some_and(|s| s.is_empty()) {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `_io.StringIO`.
pub static STRINGIO_TYPE: TypeObject = TypeObject {
    name: "_io.StringIO",
    base: &super::iobase::TEXTIOBASE_TYPE,
    layout: &STRINGIO_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<StringIO>, data) + offset_of!(StringIO, dict),
    dealloc: dealloc_obj::<StringIO>,
    new: Some(stringio_new),
    iter: Some(|v| {
        super::iobase::check_closed(v)?;
        Ok(v.clone())
    }),
    next: Some(stringio_next),
    methods: &[
        method!("__init__", m_init),
        method!("getvalue", m_getvalue),
        method!("read", m_read),
        method!("readline", m_readline),
        method!("write", m_write),
        method!("seek", m_seek),
        method!("tell", m_tell),
        method!("truncate", m_truncate),
        method!("readable", m_true),
        method!("writable", m_true),
        method!("seekable", m_true),
        method!("close", m_close),
        method!("__getstate__", m_getstate),
    ],
    getsets: &[
        GetSetDef {
            name: "closed",
            get: |v| Ok(Value::bool(this(v).closed.get())),
            set: None,
        },
        GetSetDef {
            name: "line_buffering",
            get: |v| {
                open_this(v)?;
                Ok(Value::FALSE)
            },
            set: None,
        },
        GetSetDef {
            name: "newlines",
            get: |v| {
                let s = open_this(v)?;
                Ok(match s.newline.get() {
                    Newline::Universal | Newline::Untranslated => newlines_value(s.seen.get()),
                    _ => Value::NONE,
                })
            },
            set: None,
        },
    ],
    doc: "Text I/O implementation using an in-memory buffer.",
    ..TypeObject::EMPTY
};
