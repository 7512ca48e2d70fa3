//! File objects returned by `open()`: text (`TextIOWrapper`, UTF-8) and binary
//! (`BufferedReader`/`BufferedWriter`) modes over a `std::fs::File`.
//!
//! Reads go through an internal buffer so `readline` and iteration are cheap; writes are
//! buffered and flushed on `flush()`, `close()` and when the object is freed (CPython closes a
//! file at its last reference, and programs rely on that).

use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom, Write};

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::new_bytes;
use crate::objects::exception::{
    err, new_exception, raise_value, FILE_NOT_FOUND_ERROR, IS_A_DIRECTORY_ERROR, OS_ERROR,
    PERMISSION_ERROR, TYPE_ERROR, VALUE_ERROR,
};
use crate::objects::list::new_list;
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{alloc, dealloc_obj, GetSetDef, MethodDef, PyPayload, PyResult, TypeObject};

/// Payload of a file object.
pub struct FileObj {
    state: RefCell<FileState>,
    name: Value,
    mode: String,
    binary: bool,
}

struct FileState {
    file: Option<std::fs::File>,
    /// Bytes read from the file but not yet consumed.
    rbuf: Vec<u8>,
    /// Bytes written but not yet flushed.
    wbuf: Vec<u8>,
    readable: bool,
    writable: bool,
}

impl PyPayload for FileObj {
    fn type_object() -> *const TypeObject {
        &TEXT_FILE_TYPE
    }
}

impl Drop for FileObj {
    fn drop(&mut self) {
        let st = self.state.get_mut();
        if let Some(f) = st.file.as_mut() {
            let _ = f.write_all(&st.wbuf);
        }
    }
}

fn os_error(e: &std::io::Error, filename: &Value) -> crate::objects::Raised {
    let errno = e.raw_os_error().unwrap_or(0);
    let ty = match e.kind() {
        std::io::ErrorKind::NotFound => &FILE_NOT_FOUND_ERROR,
        std::io::ErrorKind::PermissionDenied => &PERMISSION_ERROR,
        _ if errno == libc::EISDIR => &IS_A_DIRECTORY_ERROR,
        _ => &OS_ERROR,
    };
    // SAFETY: strerror returns a static C string for any errno.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned();
    let ex = new_exception(ty, vec![Value::int(errno as i64), new_str(&msg)]);
    let _ = crate::ops::object::set_instance_dict_item(&ex, "errno", Value::int(errno as i64));
    let _ = crate::ops::object::set_instance_dict_item(&ex, "strerror", new_str(&msg));
    let _ = crate::ops::object::set_instance_dict_item(&ex, "filename", filename.clone());
    raise_value(ex)
}

/// `open(file, mode='r', encoding=None, ...)`.
pub fn open(_: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("open", args, kwnames);
    let file = p.required("file")?;
    let mode = p.optional("mode")?.unwrap_or_else(|| new_str("r"));
    let _buffering = p.optional("buffering")?;
    let encoding = p.optional("encoding")?;
    let _errors = p.optional("errors")?;
    let _newline = p.optional("newline")?;
    p.finish()?;
    let Some(path) = as_str(&file).map(|s| s.to_string()) else {
        return err(
            &TYPE_ERROR,
            format!(
                "expected str, bytes or os.PathLike object, not {}",
                file.type_name()
            ),
        );
    };
    let Some(mode_s) = as_str(&mode).map(|s| s.to_string()) else {
        return err(
            &TYPE_ERROR,
            format!(
                "open() argument 'mode' must be str, not {}",
                mode.type_name()
            ),
        );
    };
    let binary = mode_s.contains('b');
    if binary && encoding.as_ref().is_some_and(|e| !e.is_none()) {
        return err(
            &VALUE_ERROR,
            "binary mode doesn't take an encoding argument",
        );
    }
    let plus = mode_s.contains('+');
    let kind = mode_s.chars().find(|c| "rwax".contains(*c)).unwrap_or('r');
    if mode_s.chars().any(|c| !"rwaxbt+".contains(c)) {
        return err(&VALUE_ERROR, format!("invalid mode: '{}'", mode_s));
    }
    if mode_s.matches(['r', 'w', 'a', 'x']).count() != 1 {
        return err(
            &VALUE_ERROR,
            "must have exactly one of create/read/write/append mode",
        );
    }
    let mut o = std::fs::OpenOptions::new();
    match kind {
        'r' => o.read(true).write(plus),
        'w' => o.write(true).create(true).truncate(true).read(plus),
        'a' => o.append(true).create(true).read(plus),
        _ => o.write(true).create_new(true).read(plus),
    };
    let f = o.open(&path).map_err(|e| os_error(&e, &file))?;
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(libc::EISDIR);
        return Err(os_error(&e, &file));
    }
    let state = FileState {
        file: Some(f),
        rbuf: Vec::new(),
        wbuf: Vec::new(),
        readable: kind == 'r' || plus,
        writable: kind != 'r' || plus,
    };
    let ty: &'static TypeObject = if binary {
        &BINARY_FILE_TYPE
    } else {
        &TEXT_FILE_TYPE
    };
    Ok(alloc(
        ty,
        FileObj {
            state: RefCell::new(state),
            name: file,
            mode: mode_s,
            binary,
        },
    ))
}

fn this(v: &Value) -> &FileObj {
    v.downcast_ref::<FileObj>()
        .expect("file method on a non-file")
}

fn closed_error<T>() -> PyResult<T> {
    err(&VALUE_ERROR, "I/O operation on closed file.")
}

impl FileObj {
    fn flush_writes(&self) -> PyResult<()> {
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        if let Some(f) = st.file.as_mut() {
            if !st.wbuf.is_empty() {
                f.write_all(&st.wbuf)
                    .map_err(|e| os_error(&e, &self.name))?;
                st.wbuf.clear();
            }
        }
        Ok(())
    }

    /// Reads up to `n` bytes (all when `None`).
    fn read_bytes(&self, n: Option<usize>) -> PyResult<Vec<u8>> {
        self.flush_writes()?;
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        let Some(f) = st.file.as_mut() else {
            return closed_error();
        };
        if !st.readable {
            return err(&crate::objects::exception::OS_ERROR, "not readable");
        }
        match n {
            None => {
                let mut out = std::mem::take(&mut st.rbuf);
                f.read_to_end(&mut out)
                    .map_err(|e| os_error(&e, &self.name))?;
                Ok(out)
            }
            Some(n) => {
                while st.rbuf.len() < n {
                    let mut chunk = vec![0u8; 65536];
                    let k = f.read(&mut chunk).map_err(|e| os_error(&e, &self.name))?;
                    if k == 0 {
                        break;
                    }
                    st.rbuf.extend_from_slice(&chunk[..k]);
                }
                let take = n.min(st.rbuf.len());
                Ok(st.rbuf.drain(..take).collect())
            }
        }
    }

    /// Reads one line including its `\n` (empty at end of file).
    fn read_line(&self) -> PyResult<Vec<u8>> {
        self.flush_writes()?;
        let mut st = self.state.borrow_mut();
        let st = &mut *st;
        let Some(f) = st.file.as_mut() else {
            return closed_error();
        };
        loop {
            if let Some(i) = st.rbuf.iter().position(|&b| b == b'\n') {
                return Ok(st.rbuf.drain(..=i).collect());
            }
            let mut chunk = vec![0u8; 65536];
            let k = f.read(&mut chunk).map_err(|e| os_error(&e, &self.name))?;
            if k == 0 {
                return Ok(std::mem::take(&mut st.rbuf));
            }
            st.rbuf.extend_from_slice(&chunk[..k]);
        }
    }

    fn to_value(&self, b: Vec<u8>) -> PyResult<Value> {
        if self.binary {
            return Ok(new_bytes(&b));
        }
        match String::from_utf8(b) {
            Ok(s) => Ok(from_string(s)),
            Err(_) => err(
                &crate::objects::exception::UNICODE_DECODE_ERROR,
                "'utf-8' codec can't decode bytes: invalid utf-8",
            ),
        }
    }
}

fn m_read(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    let n = match args.first() {
        Some(x) if !x.is_none() => {
            let n = crate::ops::number::index_i64(x)?;
            if n < 0 {
                None
            } else {
                Some(n as usize)
            }
        }
        _ => None,
    };
    if !f.binary {
        if let Some(n) = n {
            // Text mode counts characters: read bytes until n characters are complete.
            let mut out = Vec::new();
            let mut chars = 0;
            while chars < n {
                let b = f.read_bytes(Some(1))?;
                if b.is_empty() {
                    break;
                }
                if b[0] & 0xC0 != 0x80 {
                    chars += 1;
                }
                out.extend(b);
            }
            // Finish a partial multi-byte character.
            loop {
                let st = f.state.borrow();
                let cont = st.rbuf.first().is_some_and(|&c| c & 0xC0 == 0x80);
                drop(st);
                if !cont {
                    break;
                }
                out.extend(f.read_bytes(Some(1))?);
            }
            return f.to_value(out);
        }
    }
    let b = f.read_bytes(n)?;
    f.to_value(b)
}

fn m_readline(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    let b = f.read_line()?;
    f.to_value(b)
}

fn m_readlines(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    let mut out = Vec::new();
    loop {
        let b = f.read_line()?;
        if b.is_empty() {
            break;
        }
        out.push(f.to_value(b)?);
    }
    Ok(new_list(out))
}

fn m_write(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    let x = crate::builtins::args::exactly_one("write", args)?;
    let (data, n) = if f.binary {
        match crate::objects::bytes::as_bytes_like(x) {
            Some(b) => (b.to_vec(), b.len()),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("a bytes-like object is required, not '{}'", x.type_name()),
                )
            }
        }
    } else {
        match as_str(x) {
            Some(s) => (s.as_bytes().to_vec(), s.char_len()),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!("write() argument must be str, not {}", x.type_name()),
                )
            }
        }
    };
    let mut st = f.state.borrow_mut();
    if st.file.is_none() {
        return closed_error();
    }
    if !st.writable {
        return err(&crate::objects::exception::OS_ERROR, "not writable");
    }
    st.wbuf.extend_from_slice(&data);
    drop(st);
    if f.state.borrow().wbuf.len() > 65536 {
        f.flush_writes()?;
    }
    Ok(Value::int(n as i64))
}

fn m_writelines(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let lines =
        crate::ops::sequence::collect(crate::builtins::args::exactly_one("writelines", args)?)?;
    for l in lines {
        m_write(v, &[l], kw)?;
    }
    Ok(Value::NONE)
}

fn m_flush(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    if f.state.borrow().file.is_none() {
        return closed_error();
    }
    f.flush_writes()?;
    Ok(Value::NONE)
}

fn m_close(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    if f.state.borrow().file.is_some() {
        f.flush_writes()?;
        f.state.borrow_mut().file = None;
    }
    Ok(Value::NONE)
}

fn m_seek(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    f.flush_writes()?;
    let off = crate::ops::number::index_i64(args.first().unwrap_or(&Value::int(0)))?;
    let whence = match args.get(1) {
        Some(w) => crate::ops::number::index_i64(w)?,
        None => 0,
    };
    let mut st = f.state.borrow_mut();
    let buffered = st.rbuf.len() as i64;
    st.rbuf.clear();
    let Some(file) = st.file.as_mut() else {
        return closed_error();
    };
    let pos = match whence {
        0 => SeekFrom::Start(off.max(0) as u64),
        1 => SeekFrom::Current(off - buffered),
        _ => SeekFrom::End(off),
    };
    let p = file.seek(pos).map_err(|e| os_error(&e, &f.name))?;
    Ok(Value::int(p as i64))
}

fn m_tell(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    f.flush_writes()?;
    let mut st = f.state.borrow_mut();
    let buffered = st.rbuf.len() as i64;
    let Some(file) = st.file.as_mut() else {
        return closed_error();
    };
    let p = file.stream_position().map_err(|e| os_error(&e, &f.name))?;
    Ok(Value::int(p as i64 - buffered))
}

fn m_enter(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if this(v).state.borrow().file.is_none() {
        return closed_error();
    }
    Ok(v.clone())
}

fn m_exit(v: &Value, _args: &[Value], kw: &[Value]) -> PyResult<Value> {
    m_close(v, &[], kw)?;
    Ok(Value::NONE)
}

fn file_next(v: &Value) -> PyResult<Option<Value>> {
    let f = this(v);
    let b = f.read_line()?;
    if b.is_empty() {
        return Ok(None);
    }
    f.to_value(b).map(Some)
}

static FILE_METHODS: &[MethodDef] = &[
    method!("read", m_read),
    method!("readline", m_readline),
    method!("readlines", m_readlines),
    method!("write", m_write),
    method!("writelines", m_writelines),
    method!("flush", m_flush),
    method!("close", m_close),
    method!("seek", m_seek),
    method!("tell", m_tell),
    method!("__enter__", m_enter),
    method!("__exit__", m_exit),
];

static FILE_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "name",
        get: |v| Ok(this(v).name.clone()),
        set: None,
    },
    GetSetDef {
        name: "mode",
        get: |v| Ok(new_str(&this(v).mode)),
        set: None,
    },
    GetSetDef {
        name: "closed",
        get: |v| Ok(Value::bool(this(v).state.borrow().file.is_none())),
        set: None,
    },
];

fn file_repr(v: &Value) -> PyResult<Value> {
    let f = this(v);
    let name = crate::ops::object::repr_string(&f.name)?;
    Ok(from_string(if f.binary {
        format!(
            "<_io.Buffered{} name={}>",
            if f.mode.contains('r') {
                "Reader"
            } else {
                "Writer"
            },
            name
        )
    } else {
        format!(
            "<_io.TextIOWrapper name={} mode='{}' encoding='UTF-8'>",
            name, f.mode
        )
    }))
}

/// The text file type (`open(..., 'r')`).
pub static TEXT_FILE_TYPE: TypeObject = TypeObject {
    name: "TextIOWrapper",
    layout: &TEXT_FILE_TYPE,
    dealloc: dealloc_obj::<FileObj>,
    repr: Some(file_repr),
    iter: Some(|v| Ok(v.clone())),
    next: Some(file_next),
    methods: FILE_METHODS,
    getsets: FILE_GETSETS,
    ..TypeObject::EMPTY
};

/// The binary file type (`open(..., 'rb')`).
pub static BINARY_FILE_TYPE: TypeObject = TypeObject {
    name: "BufferedReader",
    base: &TEXT_FILE_TYPE,
    layout: &TEXT_FILE_TYPE,
    dealloc: dealloc_obj::<FileObj>,
    repr: Some(file_repr),
    iter: Some(|v| Ok(v.clone())),
    next: Some(file_next),
    methods: FILE_METHODS,
    getsets: FILE_GETSETS,
    ..TypeObject::EMPTY
};
