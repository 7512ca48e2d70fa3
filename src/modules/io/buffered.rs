//! `BufferedReader`, `BufferedWriter`, `BufferedRandom` (one payload, [`Buffered`]) and
//! `BufferedRWPair`: a byte buffer in front of a raw stream.
//!
//! The raw stream is used through its methods (`readinto`, `write`, `seek`, `tell`, ...), or
//! directly when it is a built-in `FileIO`. Read-ahead bytes live in `rbuf[rpos..]`, pending
//! writes in `wbuf`; the logical position is the raw position minus the unread bytes plus the
//! pending ones. Switching between reading and writing (BufferedRandom) first flushes the
//! writes or rewinds the raw stream over the read-ahead, so the two never coexist.
//!
//! The buffer behind `sys.stdout`/`sys.stderr` (`std_fd` 1 or 2) writes into the shared
//! standard-output buffer of [`crate::modules::sys`] instead of its own.

use std::cell::{Cell, RefCell, UnsafeCell};
use std::mem::offset_of;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytearray, new_bytes, ByteArray};
use crate::objects::exception::{err, OS_ERROR, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::{from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, flags, method, GetSetDef, MethodDef, Obj, PyPayload, PyResult, TypeObject,
};
use crate::ops::object::{getattr_str, truthy};

use super::fileio;
use super::{call_method, size_arg, unsupported, DEFAULT_BUFFER_SIZE};

/// Which of the three buffered types an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Reader,
    Writer,
    Random,
}

/// Payload of `BufferedReader`, `BufferedWriter` and `BufferedRandom`.
pub struct Buffered {
    /// The raw stream; NULL before `__init__` and after `detach()`.
    raw: UnsafeCell<Value>,
    st: RefCell<BufState>,
    kind: Cell<Kind>,
    detached: Cell<bool>,
    /// 1 or 2 for the standard streams' buffers (writes go to the shared stdout buffer).
    std_fd: Cell<i32>,
    dict: UnsafeCell<Value>,
}

struct BufState {
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    size: usize,
}

impl PyPayload for Buffered {
    fn type_object() -> *const TypeObject {
        &BUFFERED_READER_TYPE
    }
}

impl Drop for Buffered {
    fn drop(&mut self) {
        super::unregister_writer(
            self as *const Buffered as usize - offset_of!(Obj<Buffered>, data),
        );
        let st = self.st.get_mut();
        if st.wbuf.is_empty() {
            return;
        }
        let data = std::mem::take(&mut st.wbuf);
        let raw = self.raw.get_mut().clone();
        if raw.is_null() {
            return;
        }
        // Pending writes reach the raw stream when the buffer dies, as CPython's finalizer
        // (`close()`) does; errors cannot be reported here.
        let saved = crate::vm::thread::take_raised();
        let _ = write_all_raw(&raw, &data);
        crate::vm::thread::take_raised();
        if !saved.is_null() {
            crate::vm::thread::restore_raised(saved);
        }
    }
}

/// The payload of a buffered object (any of the three types or a subclass).
pub fn this(v: &Value) -> &Buffered {
    v.downcast_ref::<Buffered>()
        .expect("buffered method on a foreign object")
}

/// The payload when `v` is exactly one of the three built-in types (methods not overridden).
pub fn exact(v: &Value) -> Option<&Buffered> {
    if !v.is_obj() {
        return None;
    }
    let t = v.ty();
    if std::ptr::eq(t, &BUFFERED_READER_TYPE)
        || std::ptr::eq(t, &BUFFERED_WRITER_TYPE)
        || std::ptr::eq(t, &BUFFERED_RANDOM_TYPE)
    {
        v.downcast_ref::<Buffered>()
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Raw stream access

fn raw_read(raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = fileio::exact(raw) {
        return f.read(n);
    }
    let b = new_bytearray(vec![0u8; n]);
    let r = call_method(raw, "readinto", std::slice::from_ref(&b))?;
    if r.is_none() {
        return Ok(None);
    }
    let k = crate::ops::number::index_i64(&r)?;
    if k < 0 || k as usize > n {
        return err(
            &OS_ERROR,
            format!(
                "raw readinto() returned invalid length {} (should have been between 0 and {})",
                k, n
            ),
        );
    }
    Ok(Some(
        as_bytes_like(&b)
            .map(|d| d[..k as usize].to_vec())
            .unwrap_or_default(),
    ))
}

fn raw_readall(raw: &Value) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = fileio::exact(raw) {
        return f.readall();
    }
    if crate::ops::object::getattr_opt(raw, &new_str("readall"))?.is_some() {
        let r = call_method(raw, "readall", &[])?;
        if r.is_none() {
            return Ok(None);
        }
        return match as_bytes_like(&r) {
            Some(b) => Ok(Some(b.to_vec())),
            None => err(&TYPE_ERROR, "readall() should return bytes"),
        };
    }
    let mut out = Vec::new();
    loop {
        match raw_read(raw, DEFAULT_BUFFER_SIZE)? {
            None => return Ok(if out.is_empty() { None } else { Some(out) }),
            Some(d) if d.is_empty() => return Ok(Some(out)),
            Some(d) => out.extend_from_slice(&d),
        }
    }
}

fn raw_write(raw: &Value, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(f) = fileio::exact(raw) {
        return f.write(data);
    }
    let r = call_method(raw, "write", &[new_bytes(data)])?;
    if r.is_none() {
        return Ok(None);
    }
    let n = crate::ops::number::index_i64(&r)?;
    if n < 0 || n as usize > data.len() {
        return err(
            &OS_ERROR,
            format!(
                "raw write() returned invalid length {} (should have been between 0 and {})",
                n,
                data.len()
            ),
        );
    }
    Ok(Some(n as usize))
}

/// Writes all of `data` to the raw stream.
fn write_all_raw(raw: &Value, data: &[u8]) -> PyResult<()> {
    let mut done = 0;
    while done < data.len() {
        match raw_write(raw, &data[done..])? {
            Some(n) => done += n,
            None => {
                return err(
                    &crate::objects::exception::BLOCKING_IO_ERROR,
                    "write could not complete without blocking",
                )
            }
        }
    }
    Ok(())
}

fn raw_seek(raw: &Value, pos: i64, whence: i32) -> PyResult<i64> {
    if let Some(f) = fileio::exact(raw) {
        return f.seek(pos, whence);
    }
    let r = call_method(raw, "seek", &[Value::int(pos), Value::int(whence as i64)])?;
    let n = crate::ops::number::index_i64(&r)?;
    if n < 0 {
        return err(
            &OS_ERROR,
            format!("Raw stream returned invalid position {}", n),
        );
    }
    Ok(n)
}

fn raw_tell(raw: &Value) -> PyResult<i64> {
    if let Some(f) = fileio::exact(raw) {
        return f.tell();
    }
    let r = call_method(raw, "tell", &[])?;
    let n = crate::ops::number::index_i64(&r)?;
    if n < 0 {
        return err(
            &OS_ERROR,
            format!("Raw stream returned invalid position {}", n),
        );
    }
    Ok(n)
}

fn raw_closed(raw: &Value) -> PyResult<bool> {
    if let Some(f) = fileio::exact(raw) {
        return Ok(f.is_closed());
    }
    super::is_closed(raw)
}

// ---------------------------------------------------------------------------------------------
// The buffer

impl Buffered {
    /// The raw stream, or `ValueError` when detached / not initialized.
    pub fn raw(&self) -> PyResult<Value> {
        // SAFETY: single-threaded; the cell is only replaced whole.
        let r = unsafe { (*self.raw.get()).clone() };
        if r.is_null() {
            if self.detached.get() {
                return err(&VALUE_ERROR, "raw stream has been detached");
            }
            return err(&VALUE_ERROR, "I/O operation on uninitialized object");
        }
        Ok(r)
    }

    /// The raw stream, checking it is open (`msg` names the operation as CPython does).
    fn open_raw(&self, msg: &str) -> PyResult<Value> {
        let raw = self.raw()?;
        if raw_closed(&raw)? {
            // A closed stream may still hold unread bytes (CPython lets reads drain them).
            let st = self.st.borrow();
            if msg == "read of closed file" && st.rpos < st.rbuf.len() {
                return Ok(raw);
            }
            return err(&VALUE_ERROR, msg);
        }
        Ok(raw)
    }

    fn unread(&self) -> usize {
        let st = self.st.borrow();
        st.rbuf.len() - st.rpos
    }

    /// Writes out the pending bytes.
    pub fn flush_writes(&self, raw: &Value) -> PyResult<()> {
        let data = std::mem::take(&mut self.st.borrow_mut().wbuf);
        if data.is_empty() {
            return Ok(());
        }
        let mut done = 0;
        let r = (|| {
            while done < data.len() {
                match raw_write(raw, &data[done..])? {
                    Some(n) => done += n,
                    None => {
                        return err(
                            &crate::objects::exception::BLOCKING_IO_ERROR,
                            "write could not complete without blocking",
                        )
                    }
                }
            }
            Ok(())
        })();
        if r.is_err() {
            // Keep what was not written, ahead of anything written since.
            let mut st = self.st.borrow_mut();
            let mut rest = data[done..].to_vec();
            rest.extend_from_slice(&st.wbuf);
            st.wbuf = rest;
        }
        r
    }

    /// Drops the read-ahead, moving the raw stream back over it (before writes and seeks).
    fn drop_read_ahead(&self, raw: &Value) -> PyResult<()> {
        let unread = self.unread();
        {
            let mut st = self.st.borrow_mut();
            st.rbuf.clear();
            st.rpos = 0;
        }
        if unread > 0 {
            raw_seek(raw, -(unread as i64), 1)?;
        }
        Ok(())
    }

    /// Takes up to `n` buffered bytes.
    fn take(&self, n: usize) -> Vec<u8> {
        let mut st = self.st.borrow_mut();
        let k = n.min(st.rbuf.len() - st.rpos);
        let start = st.rpos;
        st.rpos += k;
        let out = st.rbuf[start..start + k].to_vec();
        if st.rpos == st.rbuf.len() {
            st.rbuf.clear();
            st.rpos = 0;
        }
        out
    }

    /// One raw read into the (empty) read buffer: `Ok(None)` would block, `Ok(Some(0))` EOF.
    fn fill(&self, raw: &Value, want: usize) -> PyResult<Option<usize>> {
        let size = self.st.borrow().size;
        match raw_read(raw, want.max(size))? {
            None => Ok(None),
            Some(d) => {
                let n = d.len();
                let mut st = self.st.borrow_mut();
                if st.rpos < st.rbuf.len() {
                    let start = st.rpos;
                    st.rbuf.drain(..start);
                    st.rbuf.extend_from_slice(&d);
                } else {
                    st.rbuf = d;
                }
                st.rpos = 0;
                Ok(Some(n))
            }
        }
    }

    /// `read(n)`; `None` for everything up to EOF. `Ok(None)` when nothing could be read from a
    /// non-blocking raw stream.
    pub fn read(&self, n: Option<usize>) -> PyResult<Option<Vec<u8>>> {
        let raw = self.open_raw("read of closed file")?;
        self.flush_writes(&raw)?;
        match n {
            None => {
                let mut out = self.take(usize::MAX);
                match raw_readall(&raw)? {
                    Some(d) => out.extend_from_slice(&d),
                    None if out.is_empty() => return Ok(None),
                    None => {}
                }
                Ok(Some(out))
            }
            Some(n) => {
                let mut out = self.take(n);
                while out.len() < n {
                    match self.fill(&raw, n - out.len())? {
                        None if out.is_empty() => return Ok(None),
                        None | Some(0) => break,
                        Some(_) => out.extend_from_slice(&self.take(n - out.len())),
                    }
                }
                Ok(Some(out))
            }
        }
    }

    /// `read1(n)`: buffered bytes, or at most one raw read.
    pub fn read1(&self, n: Option<usize>) -> PyResult<Vec<u8>> {
        let raw = self.open_raw("read of closed file")?;
        self.flush_writes(&raw)?;
        let n = n.unwrap_or(self.st.borrow().size);
        if n == 0 {
            return Ok(Vec::new());
        }
        if self.unread() == 0 {
            self.fill(&raw, n)?;
        }
        Ok(self.take(n))
    }

    /// `peek(n)`: the buffered bytes (filling the buffer when empty), without consuming.
    fn peek(&self) -> PyResult<Vec<u8>> {
        let raw = self.open_raw("peek of closed file")?;
        self.flush_writes(&raw)?;
        if self.unread() == 0 {
            self.fill(&raw, 0)?;
        }
        let st = self.st.borrow();
        Ok(st.rbuf[st.rpos..].to_vec())
    }

    /// `readline(limit)`.
    pub fn readline(&self, limit: Option<usize>) -> PyResult<Vec<u8>> {
        let raw = self.open_raw("readline of closed file")?;
        self.flush_writes(&raw)?;
        let mut out = Vec::new();
        loop {
            let found = {
                let st = self.st.borrow();
                let avail = &st.rbuf[st.rpos..];
                let room = limit.map_or(usize::MAX, |l| l - out.len());
                match avail.iter().position(|&b| b == b'\n') {
                    Some(i) if i < room => Some(i + 1),
                    _ if avail.len() >= room => Some(room),
                    _ => None,
                }
            };
            if let Some(k) = found {
                out.extend_from_slice(&self.take(k));
                return Ok(out);
            }
            out.extend_from_slice(&self.take(usize::MAX));
            match self.fill(&raw, 0)? {
                None | Some(0) => return Ok(out),
                Some(_) => {}
            }
        }
    }

    /// `write(data)`: buffers the bytes (flushing when the buffer fills); returns the count.
    pub fn write(&self, data: &[u8]) -> PyResult<usize> {
        if self.std_fd.get() != 0 {
            self.raw()?;
            if self.std_closed() {
                return err(&VALUE_ERROR, "write to closed file");
            }
            crate::modules::sys::write_std_bytes(self.std_fd.get(), data)?;
            return Ok(data.len());
        }
        let raw = self.open_raw("write to closed file")?;
        if self.kind.get() == Kind::Random && self.unread() > 0 {
            self.drop_read_ahead(&raw)?;
        }
        // As CPython: data that fits joins the buffer; otherwise the buffer is flushed, what
        // exceeds a buffer's worth goes straight to the raw stream and the rest is buffered.
        let size = {
            let mut st = self.st.borrow_mut();
            if st.wbuf.len() + data.len() <= st.size {
                st.wbuf.extend_from_slice(data);
                return Ok(data.len());
            }
            st.size
        };
        self.flush_writes(&raw)?;
        let mut done = 0;
        while data.len() - done > size {
            match raw_write(&raw, &data[done..])? {
                Some(n) => done += n,
                None => break,
            }
        }
        self.st.borrow_mut().wbuf.extend_from_slice(&data[done..]);
        Ok(data.len())
    }

    /// Whether the raw stream is closed, when it is a built-in FileIO (no Python call, no
    /// reference count traffic); `None` for other raw streams.
    pub fn raw_closed_fast(&self) -> Option<bool> {
        // SAFETY: single-threaded; the cell is only replaced whole.
        let raw = unsafe { &*self.raw.get() };
        fileio::exact(raw).map(|f| f.is_closed())
    }

    /// Whether a standard stream's buffer was closed.
    pub fn std_closed(&self) -> bool {
        // SAFETY: single-threaded; the cell is only replaced whole.
        let raw = unsafe { &*self.raw.get() };
        fileio::exact(raw).is_some_and(|f| f.is_closed())
    }

    /// `flush()`.
    pub fn flush(&self) -> PyResult<()> {
        if self.std_fd.get() != 0 {
            if self.std_closed() {
                return err(&VALUE_ERROR, "flush of closed file");
            }
            return crate::modules::sys::flush_stdout();
        }
        let raw = self.open_raw("flush of closed file")?;
        self.flush_writes(&raw)?;
        if self.kind.get() == Kind::Random && self.unread() > 0 {
            self.drop_read_ahead(&raw)?;
        }
        Ok(())
    }

    /// `tell()`: the logical position.
    pub fn tell(&self) -> PyResult<i64> {
        let raw = self.raw()?;
        let pos = raw_tell(&raw)?;
        let st = self.st.borrow();
        Ok((pos - (st.rbuf.len() - st.rpos) as i64 + st.wbuf.len() as i64).max(0))
    }

    /// `seek(pos, whence)`.
    pub fn seek(&self, pos: i64, whence: i32) -> PyResult<i64> {
        let raw = self.open_raw("seek of closed file")?;
        if let Some(f) = fileio::exact(&raw) {
            if !f.is_seekable()? {
                return Err(unsupported("File or stream is not seekable."));
            }
        } else {
            super::iobase::check_seekable(&raw)?;
        }
        self.flush_writes(&raw)?;
        let mut pos = pos;
        if whence == 1 {
            pos -= self.unread() as i64;
        }
        {
            let mut st = self.st.borrow_mut();
            st.rbuf.clear();
            st.rpos = 0;
        }
        raw_seek(&raw, pos, whence)
    }

    /// `close()`: flushes, then closes the raw stream.
    pub fn close(&self, v: &Value) -> PyResult<()> {
        let raw = self.raw()?;
        if raw_closed(&raw)? {
            return Ok(());
        }
        let flushed = if self.std_fd.get() != 0 {
            crate::modules::sys::flush_stdout()
        } else if exact(v).is_some() {
            self.flush_writes(&raw)
        } else {
            call_method(v, "flush", &[]).map(|_| ())
        };
        let closed = call_method(&raw, "close", &[]);
        {
            let mut st = self.st.borrow_mut();
            st.rbuf.clear();
            st.rpos = 0;
        }
        flushed?;
        closed.map(|_| ())
    }
}

// ---------------------------------------------------------------------------------------------
// Construction

fn empty_payload(kind: Kind) -> Buffered {
    Buffered {
        raw: UnsafeCell::new(Value::NULL),
        st: RefCell::new(BufState {
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
            size: DEFAULT_BUFFER_SIZE,
        }),
        kind: Cell::new(kind),
        detached: Cell::new(false),
        std_fd: Cell::new(0),
        dict: UnsafeCell::new(Value::NULL),
    }
}

fn kind_of(ty: &TypeObject) -> Kind {
    if ty.is_subtype(&BUFFERED_RANDOM_TYPE) {
        Kind::Random
    } else if ty.is_subtype(&BUFFERED_WRITER_TYPE) {
        Kind::Writer
    } else {
        Kind::Reader
    }
}

fn type_for(kind: Kind) -> &'static TypeObject {
    match kind {
        Kind::Reader => &BUFFERED_READER_TYPE,
        Kind::Writer => &BUFFERED_WRITER_TYPE,
        Kind::Random => &BUFFERED_RANDOM_TYPE,
    }
}

fn init(v: &Value, raw: Value, size: i64) -> PyResult<()> {
    let b = this(v);
    let kind = kind_of(v.ty());
    if matches!(kind, Kind::Reader | Kind::Random) {
        super::iobase::check_readable(&raw)?;
    }
    if matches!(kind, Kind::Writer | Kind::Random) {
        super::iobase::check_writable(&raw)?;
    }
    if kind == Kind::Random {
        super::iobase::check_seekable(&raw)?;
    }
    if size <= 0 {
        return err(&VALUE_ERROR, "buffer size must be strictly positive");
    }
    b.kind.set(kind);
    b.detached.set(false);
    {
        let mut st = b.st.borrow_mut();
        st.size = size as usize;
        st.rbuf.clear();
        st.rpos = 0;
        st.wbuf.clear();
    }
    // SAFETY: single-threaded; the old value is dropped after the store.
    let old = unsafe { std::mem::replace(&mut *b.raw.get(), raw) };
    drop(old);
    if kind != Kind::Reader {
        super::register_writer(v, false);
    }
    Ok(())
}

/// Writes out a buffer's pending bytes (at exit).
pub fn flush_for_exit(v: &Value) -> PyResult<()> {
    let b = this(v);
    // SAFETY: single-threaded; the cell is only replaced whole.
    let raw = unsafe { (*b.raw.get()).clone() };
    if raw.is_null() || b.std_fd.get() != 0 {
        return Ok(());
    }
    b.flush_writes(&raw)
}

fn parse_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let name = match kind_of(v.ty()) {
        Kind::Reader => "BufferedReader",
        Kind::Writer => "BufferedWriter",
        Kind::Random => "BufferedRandom",
    };
    let mut p = ArgParser::new(name, args, kw);
    let raw = p.required("raw")?;
    let size = p.optional("buffer_size")?;
    p.finish()?;
    let size = match size {
        Some(s) => crate::ops::number::index_i64(&s)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    init(v, raw, size)
}

fn buffered_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    // SAFETY: types are immortal.
    let t = unsafe { &*ty };
    let v = alloc(ty, empty_payload(kind_of(t)));
    if !(t.flags & flags::HEAPTYPE != 0 && args.is_empty()) {
        parse_init(&v, args, kw)?;
    }
    Ok(v)
}

/// A new buffered stream of `kind` over `raw` (for `open()`).
pub fn new_buffered(kind: Kind, raw: Value, size: usize) -> PyResult<Value> {
    let v = alloc(type_for(kind), empty_payload(kind));
    init(&v, raw, size as i64)?;
    Ok(v)
}

/// The buffer of a standard output stream: a BufferedWriter over `fd` whose writes share the
/// process's standard output buffer.
pub fn new_std_writer(fd: i32) -> Value {
    let v = alloc(&BUFFERED_WRITER_TYPE, empty_payload(Kind::Writer));
    let b = this(&v);
    b.std_fd.set(fd);
    // SAFETY: a fresh object; nothing else sees the cell.
    unsafe { *b.raw.get() = fileio::new_std_fileio(fd, false) };
    v
}

/// The buffer of `sys.stdin`.
pub fn new_std_reader() -> Value {
    let v = alloc(&BUFFERED_READER_TYPE, empty_payload(Kind::Reader));
    // SAFETY: a fresh object; nothing else sees the cell.
    unsafe { *this(&v).raw.get() = fileio::new_std_fileio(0, true) };
    v
}

// ---------------------------------------------------------------------------------------------
// Methods

fn m_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    parse_init(v, args, kw)?;
    Ok(Value::NONE)
}

fn one_size(name: &str, args: &[Value], kw: &[Value]) -> PyResult<Option<usize>> {
    let mut p = ArgParser::new(name, args, kw);
    let n = p.optional_pos();
    p.finish()?;
    if let Some(n) = &n {
        if n.is_int() && n.as_small_int().is_some_and(|i| i < -1) {
            return err(&VALUE_ERROR, "read length must be non-negative or -1");
        }
    }
    size_arg(n.as_ref())
}

fn m_read(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("read", args, kw)?;
    Ok(this(v).read(n)?.map_or(Value::NONE, |b| new_bytes(&b)))
}

fn m_read1(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = one_size("read1", args, kw)?;
    Ok(new_bytes(&this(v).read1(n)?))
}

fn m_peek(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("peek", args, kw);
    let _n = p.optional_pos();
    p.finish()?;
    Ok(new_bytes(&this(v).peek()?))
}

fn readinto_common(v: &Value, args: &[Value], one: bool) -> PyResult<Value> {
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
    let n = ba.with(|d| d.len());
    let b = this(v);
    let data = if one {
        b.read1(Some(n))?
    } else {
        b.read(Some(n))?.unwrap_or_default()
    };
    ba.with(|d| {
        let k = data.len().min(d.len());
        d[..k].copy_from_slice(&data[..k]);
    });
    Ok(Value::int(data.len() as i64))
}

fn m_readinto(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    readinto_common(v, args, false)
}

fn m_readinto1(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    readinto_common(v, args, true)
}

fn m_readline(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("readline", args, kw);
    let n = p.optional_pos();
    p.finish()?;
    Ok(new_bytes(&this(v).readline(size_arg(n.as_ref())?)?))
}

fn m_write(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = crate::builtins::args::exactly_one("write", args)?;
    let Some(data) = as_bytes_like(x).map(|d| d.to_vec()) else {
        return err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", x.type_name()),
        );
    };
    Ok(Value::int(this(v).write(&data)? as i64))
}

fn m_flush(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = this(v);
    b.flush()?;
    if b.kind.get() == Kind::Reader {
        let raw = b.raw()?;
        if fileio::exact(&raw).is_none() {
            call_method(&raw, "flush", &[])?;
        }
    }
    Ok(Value::NONE)
}

fn m_seek(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("seek", args, kw);
    let target = p.optional_pos();
    let whence = p.optional_pos();
    p.finish()?;
    let Some(target) = target else {
        return err(&TYPE_ERROR, "seek expected at least 1 argument, got 0");
    };
    let whence = match whence {
        Some(w) => crate::ops::number::index_i64(&w)?,
        None => 0,
    };
    if !(0..=2).contains(&whence) {
        return err(&VALUE_ERROR, format!("whence value {} unsupported", whence));
    }
    let pos = fileio::pos_arg(&target)?;
    Ok(Value::int(this(v).seek(pos, whence as i32)?))
}

fn m_tell(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(v).tell()?))
}

fn m_truncate(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("truncate", args, kw);
    let pos = p.optional_pos();
    p.finish()?;
    let b = this(v);
    let raw = b.open_raw("truncate of closed file")?;
    if !truthy(&call_method(&raw, "writable", &[])?)? {
        return Err(unsupported("truncate"));
    }
    b.flush_writes(&raw)?;
    let pos = match pos {
        Some(p) if !p.is_none() => p,
        _ => Value::int(b.tell()?),
    };
    b.drop_read_ahead(&raw)?;
    call_method(&raw, "truncate", &[pos])
}

fn m_close(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    this(v).close(v)?;
    Ok(Value::NONE)
}

fn m_detach(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let b = this(v);
    let raw = b.raw()?;
    call_method(v, "flush", &[])?;
    b.detached.set(true);
    // SAFETY: single-threaded; the cell is only replaced whole.
    unsafe { *b.raw.get() = Value::NULL };
    Ok(raw)
}

/// A method that forwards to the raw stream.
fn forward(v: &Value, name: &str) -> PyResult<Value> {
    let raw = this(v).raw()?;
    call_method(&raw, name, &[])
}

fn m_fileno(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "fileno")
}

fn m_isatty(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "isatty")
}

fn m_readable(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "readable")
}

fn m_writable(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "writable")
}

fn m_seekable(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    forward(v, "seekable")
}

fn buffered_next(v: &Value) -> PyResult<Option<Value>> {
    let line = if exact(v).is_some() {
        new_bytes(&this(v).readline(None)?)
    } else {
        call_method(v, "readline", &[])?
    };
    if crate::ops::sequence::len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

fn buffered_repr(v: &Value) -> PyResult<Value> {
    let tname = v.ty().name;
    match crate::ops::object::getattr_opt(v, &new_str("name")) {
        Ok(Some(n)) => {
            if !crate::vm::reprguard::enter(v) {
                return err(
                    &crate::objects::exception::RUNTIME_ERROR,
                    format!("reentrant call inside {}.__repr__", tname),
                );
            }
            let r = crate::ops::object::repr_string(&n);
            crate::vm::reprguard::leave(v);
            Ok(from_string(format!("<{} name={}>", tname, r?)))
        }
        Ok(None) => Ok(from_string(format!("<{}>", tname))),
        Err(e) => {
            if crate::objects::exception::raised_matches(
                &crate::objects::exception::ATTRIBUTE_ERROR,
            ) || crate::objects::exception::raised_matches(&VALUE_ERROR)
            {
                crate::vm::thread::take_raised();
                Ok(from_string(format!("<{}>", tname)))
            } else {
                Err(e)
            }
        }
    }
}

static BUFFERED_GETSETS: &[GetSetDef] = &[
    GetSetDef {
        name: "raw",
        get: |v| this(v).raw(),
        set: None,
    },
    GetSetDef {
        name: "closed",
        get: |v| {
            let raw = this(v).raw()?;
            Ok(Value::bool(raw_closed(&raw)?))
        },
        set: None,
    },
    GetSetDef {
        name: "name",
        get: |v| getattr_str(&this(v).raw()?, "name"),
        set: None,
    },
    GetSetDef {
        name: "mode",
        get: |v| getattr_str(&this(v).raw()?, "mode"),
        set: None,
    },
];

/// Methods every buffered type has.
macro_rules! buffered_methods {
    ($($extra:expr),* $(,)?) => {
        &[
            method!("__init__", m_init),
            method!("flush", m_flush),
            method!("close", m_close),
            method!("detach", m_detach),
            method!("seek", m_seek),
            method!("tell", m_tell),
            method!("truncate", m_truncate),
            method!("fileno", m_fileno),
            method!("isatty", m_isatty),
            method!("readable", m_readable),
            method!("writable", m_writable),
            method!("seekable", m_seekable),
            $($extra,)*
        ]
    };
}

static READER_METHODS: &[MethodDef] = buffered_methods!(
    method!("read", m_read),
    method!("read1", m_read1),
    method!("peek", m_peek),
    method!("readinto", m_readinto),
    method!("readinto1", m_readinto1),
    method!("readline", m_readline),
);

static WRITER_METHODS: &[MethodDef] = buffered_methods!(method!("write", m_write));

static RANDOM_METHODS: &[MethodDef] = buffered_methods!(
    method!("read", m_read),
    method!("read1", m_read1),
    method!("peek", m_peek),
    method!("readinto", m_readinto),
    method!("readinto1", m_readinto1),
    method!("readline", m_readline),
    method!("write", m_write),
);

/// Fields shared by the three buffered types.
// A template copied into statics (`..TEMPLATE`), never used as a shared value.
#[allow(clippy::declare_interior_mutable_const)]
const BUFFERED: TypeObject = TypeObject {
    base: &super::iobase::BUFFEREDIOBASE_TYPE,
    layout: &BUFFERED_READER_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<Buffered>, data) + offset_of!(Buffered, dict),
    dealloc: dealloc_obj::<Buffered>,
    repr: Some(buffered_repr),
    new: Some(buffered_new),
    iter: Some(|v| {
        super::iobase::check_closed(v)?;
        Ok(v.clone())
    }),
    next: Some(buffered_next),
    getsets: BUFFERED_GETSETS,
    ..TypeObject::EMPTY
};

/// `_io.BufferedReader`.
pub static BUFFERED_READER_TYPE: TypeObject = TypeObject {
    name: "_io.BufferedReader",
    methods: READER_METHODS,
    doc: "Create a new buffered reader using the given readable raw IO object.",
    ..BUFFERED
};

/// `_io.BufferedWriter`.
pub static BUFFERED_WRITER_TYPE: TypeObject = TypeObject {
    name: "_io.BufferedWriter",
    methods: WRITER_METHODS,
    doc: "A buffer for a writeable sequential RawIO object.",
    ..BUFFERED
};

/// `_io.BufferedRandom`.
pub static BUFFERED_RANDOM_TYPE: TypeObject = TypeObject {
    name: "_io.BufferedRandom",
    methods: RANDOM_METHODS,
    doc: "A buffered interface to random access streams.",
    ..BUFFERED
};

// ---------------------------------------------------------------------------------------------
// BufferedRWPair

/// Payload of `BufferedRWPair`: a reader and a writer buffer.
pub struct RWPair {
    reader: Value,
    writer: Value,
    dict: UnsafeCell<Value>,
}

impl PyPayload for RWPair {
    fn type_object() -> *const TypeObject {
        &BUFFERED_RWPAIR_TYPE
    }
}

fn rwpair_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("BufferedRWPair", args, kw);
    let reader = p.required("reader")?;
    let writer = p.required("writer")?;
    let size = p.optional("buffer_size")?;
    p.finish()?;
    let size = match size {
        Some(s) => crate::ops::number::index_i64(&s)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    super::iobase::check_readable(&reader)?;
    super::iobase::check_writable(&writer)?;
    let r = alloc(&BUFFERED_READER_TYPE, empty_payload(Kind::Reader));
    init(&r, reader, size)?;
    let w = alloc(&BUFFERED_WRITER_TYPE, empty_payload(Kind::Writer));
    init(&w, writer, size)?;
    Ok(alloc(
        ty,
        RWPair {
            reader: r,
            writer: w,
            dict: UnsafeCell::new(Value::NULL),
        },
    ))
}

fn pair(v: &Value) -> &RWPair {
    v.downcast_ref::<RWPair>()
        .expect("BufferedRWPair method on a foreign object")
}

macro_rules! pair_forward {
    ($name:ident, $side:ident, $method:literal) => {
        fn $name(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let m = getattr_str(&pair(v).$side, $method)?;
            crate::vm::call::call(&m, args, kw)
        }
    };
}

pair_forward!(p_read, reader, "read");
pair_forward!(p_read1, reader, "read1");
pair_forward!(p_peek, reader, "peek");
pair_forward!(p_readinto, reader, "readinto");
pair_forward!(p_readinto1, reader, "readinto1");
pair_forward!(p_readline, reader, "readline");
pair_forward!(p_readable, reader, "readable");
pair_forward!(p_write, writer, "write");
pair_forward!(p_flush, writer, "flush");
pair_forward!(p_writable, writer, "writable");

fn p_isatty(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let w = call_method(&pair(v).writer, "isatty", &[])?;
    if truthy(&w)? {
        return Ok(w);
    }
    call_method(&pair(v).reader, "isatty", &[])
}

fn p_close(v: &Value, _a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let w = call_method(&pair(v).writer, "close", &[]);
    let r = call_method(&pair(v).reader, "close", &[]);
    w?;
    r
}

/// `_io.BufferedRWPair`.
pub static BUFFERED_RWPAIR_TYPE: TypeObject = TypeObject {
    name: "_io.BufferedRWPair",
    base: &super::iobase::BUFFEREDIOBASE_TYPE,
    layout: &BUFFERED_RWPAIR_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<RWPair>, data) + offset_of!(RWPair, dict),
    dealloc: dealloc_obj::<RWPair>,
    new: Some(rwpair_new),
    methods: &[
        method!("read", p_read),
        method!("read1", p_read1),
        method!("peek", p_peek),
        method!("readinto", p_readinto),
        method!("readinto1", p_readinto1),
        method!("readline", p_readline),
        method!("readable", p_readable),
        method!("write", p_write),
        method!("flush", p_flush),
        method!("writable", p_writable),
        method!("isatty", p_isatty),
        method!("close", p_close),
    ],
    getsets: &[GetSetDef {
        name: "closed",
        get: |v| getattr_str(&pair(v).writer, "closed"),
        set: None,
    }],
    doc: "A buffered reader and writer object together.",
    ..TypeObject::EMPTY
};
