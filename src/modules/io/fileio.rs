//! `FileIO`: raw binary I/O on an OS file descriptor (`read`/`write`/`lseek` with CPython's
//! modes, errors and `repr`). The descriptor is closed by `close()` or when the object is freed
//! (if it owns it: `closefd`).

use std::cell::{Cell, UnsafeCell};
use std::mem::offset_of;

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::{as_bytes_like, new_bytes, ByteArray};
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::str::{as_str, from_string, new_str};
use crate::objects::{
    alloc, dealloc_obj, flags, method, GetSetDef, Obj, PyPayload, PyResult, TypeObject,
};

use super::{last_os_error, os_error, size_arg, unsupported};

/// Payload of a `FileIO`.
pub struct FileIO {
    /// The descriptor; -1 once closed (or before `__init__`).
    fd: Cell<i32>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// -1 unknown, 0 no, 1 yes.
    seekable: Cell<i8>,
    blksize: Cell<i64>,
    dict: UnsafeCell<Value>,
}

impl PyPayload for FileIO {
    fn type_object() -> *const TypeObject {
        &FILEIO_TYPE
    }
}

impl Drop for FileIO {
    fn drop(&mut self) {
        let fd = self.fd.get();
        if fd >= 0 && self.closefd.get() {
            // SAFETY: we own the descriptor and nothing uses it after this.
            unsafe { libc::close(fd) };
        }
    }
}

fn new_payload() -> FileIO {
    FileIO {
        fd: Cell::new(-1),
        readable: Cell::new(false),
        writable: Cell::new(false),
        appending: Cell::new(false),
        created: Cell::new(false),
        closefd: Cell::new(true),
        seekable: Cell::new(-1),
        blksize: Cell::new(super::DEFAULT_BUFFER_SIZE as i64),
        dict: UnsafeCell::new(Value::NULL),
    }
}

/// The payload of a FileIO (or subclass) value.
pub fn this(v: &Value) -> &FileIO {
    v.downcast_ref::<FileIO>()
        .expect("FileIO method on a foreign object")
}

/// Whether `v` is exactly a built-in FileIO (its methods are not overridden).
pub fn exact(v: &Value) -> Option<&FileIO> {
    if v.is_obj() && std::ptr::eq(v.ty(), &FILEIO_TYPE) {
        v.downcast_ref::<FileIO>()
    } else {
        None
    }
}

impl FileIO {
    /// The descriptor, or `ValueError` when closed.
    pub fn fd(&self) -> PyResult<i32> {
        match self.fd.get() {
            fd if fd >= 0 => Ok(fd),
            _ => err(&VALUE_ERROR, "I/O operation on closed file"),
        }
    }

    /// Whether the descriptor is closed.
    pub fn is_closed(&self) -> bool {
        self.fd.get() < 0
    }

    /// `read(n)`: `Ok(None)` when a non-blocking descriptor has no data.
    pub fn read(&self, n: usize) -> PyResult<Option<Vec<u8>>> {
        let fd = self.fd()?;
        if !self.readable.get() {
            return Err(unsupported("File not open for reading"));
        }
        let mut buf = vec![0u8; n];
        let k = loop {
            // SAFETY: `buf` has room for `n` bytes.
            let k = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) };
            if k >= 0 {
                break k as usize;
            }
            match std::io::Error::last_os_error().raw_os_error() {
                Some(libc::EINTR) => crate::vm::signals::handle()?,
                Some(libc::EAGAIN) => return Ok(None),
                _ => return Err(last_os_error(None)),
            }
        };
        buf.truncate(k);
        Ok(Some(buf))
    }

    /// `readall()`: everything up to end of file.
    pub fn readall(&self) -> PyResult<Option<Vec<u8>>> {
        let fd = self.fd()?;
        if !self.readable.get() {
            return Err(unsupported("File not open for reading"));
        }
        let mut out: Vec<u8> = Vec::new();
        // Size hint: what is left of a regular file.
        // SAFETY: `st` is a valid out-pointer; lseek only queries the position.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(fd, &mut st) == 0 && st.st_size > 0 {
                let pos = libc::lseek(fd, 0, libc::SEEK_CUR);
                if pos >= 0 && st.st_size as i64 >= pos {
                    out.reserve((st.st_size as i64 - pos) as usize + 1);
                }
            }
        }
        loop {
            if out.capacity() - out.len() < 8192 {
                out.reserve(out.len().max(8192));
            }
            let spare = out.capacity() - out.len();
            // SAFETY: the spare capacity is writable; `set_len` covers only what read filled.
            let k = unsafe {
                libc::read(
                    fd,
                    out.as_mut_ptr().add(out.len()) as *mut libc::c_void,
                    spare,
                )
            };
            if k > 0 {
                // SAFETY: `read` initialized `k` bytes of the spare capacity.
                unsafe { out.set_len(out.len() + k as usize) };
                continue;
            }
            if k == 0 {
                return Ok(Some(out));
            }
            match std::io::Error::last_os_error().raw_os_error() {
                Some(libc::EINTR) => crate::vm::signals::handle()?,
                Some(libc::EAGAIN) => {
                    return Ok(if out.is_empty() { None } else { Some(out) });
                }
                _ => return Err(last_os_error(None)),
            }
        }
    }

    /// `write(data)`: bytes written (`Ok(None)` when a non-blocking descriptor is full).
    pub fn write(&self, data: &[u8]) -> PyResult<Option<usize>> {
        let fd = self.fd()?;
        if !self.writable.get() {
            return Err(unsupported("File not open for writing"));
        }
        if fd == 1 || fd == 2 {
            // Keep the order with text already buffered for the standard streams.
            crate::modules::sys::flush_stdout()?;
        }
        loop {
            // SAFETY: `data` is a valid buffer of its length.
            let k = unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) };
            if k >= 0 {
                return Ok(Some(k as usize));
            }
            match std::io::Error::last_os_error().raw_os_error() {
                Some(libc::EINTR) => crate::vm::signals::handle()?,
                Some(libc::EAGAIN) => return Ok(None),
                _ => return Err(last_os_error(None)),
            }
        }
    }

    /// `seek(pos, whence)`: the new position.
    pub fn seek(&self, pos: i64, whence: i32) -> PyResult<i64> {
        let fd = self.fd()?;
        // SAFETY: lseek on a descriptor we hold.
        let r = unsafe { libc::lseek(fd, pos as libc::off_t, whence) };
        if r < 0 {
            return Err(last_os_error(None));
        }
        if self.seekable.get() < 0 {
            self.seekable.set(1);
        }
        Ok(r as i64)
    }

    /// `tell()`.
    pub fn tell(&self) -> PyResult<i64> {
        self.seek(0, libc::SEEK_CUR)
    }

    /// `seekable()`.
    pub fn is_seekable(&self) -> PyResult<bool> {
        let fd = self.fd()?;
        if self.seekable.get() < 0 {
            // SAFETY: lseek only queries the position.
            let r = unsafe { libc::lseek(fd, 0, libc::SEEK_CUR) };
            self.seekable.set((r >= 0) as i8);
        }
        Ok(self.seekable.get() == 1)
    }

    /// The file system's preferred I/O size (`st_blksize`).
    pub fn blksize(&self) -> usize {
        self.blksize.get().max(1) as usize
    }

    /// `readable()` / `writable()` flags (no closed check).
    pub fn flags(&self) -> (bool, bool) {
        (self.readable.get(), self.writable.get())
    }

    /// `mode` as CPython spells it (`rb`, `wb`, `rb+`, `ab`, `xb+` ...).
    pub fn mode(&self) -> &'static str {
        let (r, w) = (self.readable.get(), self.writable.get());
        if self.created.get() {
            if r {
                "xb+"
            } else {
                "xb"
            }
        } else if self.appending.get() {
            if r {
                "ab+"
            } else {
                "ab"
            }
        } else if r {
            if w {
                "rb+"
            } else {
                "rb"
            }
        } else {
            "wb"
        }
    }

    /// Closes the descriptor (if owned); the object counts as closed afterwards either way.
    pub fn close_fd(&self) -> PyResult<()> {
        let fd = self.fd.replace(-1);
        if fd >= 0 && self.closefd.get() {
            // SAFETY: we own the descriptor; it is no longer reachable through `self`.
            if unsafe { libc::close(fd) } < 0 {
                return Err(last_os_error(None));
            }
        }
        Ok(())
    }
}

/// Opens `file` (path or descriptor) with FileIO `mode` (`r`, `w`, `a`, `x`, `+`, `b`).
fn init(
    v: &Value,
    file: &Value,
    mode: &str,
    closefd: bool,
    opener: Option<&Value>,
) -> PyResult<()> {
    let f = this(v);
    if f.fd.get() >= 0 {
        if f.closefd.get() {
            f.close_fd()?;
        } else {
            f.fd.set(-1);
        }
    }
    let mut fd = -1;
    let is_int = crate::objects::int::is_int(file) || file.is_bool();
    if is_int {
        let n = crate::ops::number::index_i64(file)?;
        if n < 0 {
            return err(&VALUE_ERROR, "negative file descriptor");
        }
        if n > i32::MAX as i64 {
            return err(
                &crate::objects::exception::OVERFLOW_ERROR,
                "signed integer is greater than maximum",
            );
        }
        fd = n as i32;
    }
    let path = if is_int {
        None
    } else {
        match super::fspath(file)? {
            Some(p) => Some(p),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        file.type_name()
                    ),
                )
            }
        }
    };
    let bad_mode = || {
        err::<()>(
            &VALUE_ERROR,
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    let (mut rwa, mut plus) = (false, false);
    let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
    let mut oflags = 0;
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return bad_mode();
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        oflags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        oflags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        oflags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return bad_mode();
                }
                readable = true;
                writable = true;
                plus = true;
            }
            _ => return err(&VALUE_ERROR, format!("invalid mode: {}", mode)),
        }
    }
    if !rwa {
        return bad_mode();
    }
    oflags |= if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    oflags |= libc::O_CLOEXEC;
    let name = file.clone();
    if let Some(path) = &path {
        if !closefd {
            return err(&VALUE_ERROR, "Cannot use closefd=False with file name");
        }
        let bytes: Vec<u8> = match as_str(path) {
            Some(s) => s.as_bytes().to_vec(),
            None => crate::objects::bytes::as_bytes(path).unwrap().to_vec(),
        };
        if bytes.contains(&0) {
            return err(&VALUE_ERROR, "embedded null byte");
        }
        match opener {
            Some(op) if !op.is_none() => {
                let r = crate::vm::call::call(op, &[path.clone(), Value::int(oflags as i64)], &[])?;
                if !crate::objects::int::is_int(&r) {
                    return err(&TYPE_ERROR, "expected integer from opener");
                }
                let n = crate::ops::number::index_i64(&r)?;
                if n < 0 {
                    return err(&VALUE_ERROR, format!("opener returned {}", n));
                }
                fd = n as i32;
            }
            _ => {
                let c = std::ffi::CString::new(bytes).unwrap();
                loop {
                    // SAFETY: `c` is a NUL-terminated path.
                    fd = unsafe { libc::open(c.as_ptr(), oflags, 0o666 as libc::c_uint) };
                    if fd >= 0 {
                        break;
                    }
                    let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
                    if e == libc::EINTR {
                        crate::vm::signals::handle()?;
                        continue;
                    }
                    return Err(os_error(e, Some(&name)));
                }
            }
        }
    }
    f.fd.set(fd);
    f.closefd.set(closefd);
    f.readable.set(readable);
    f.writable.set(writable);
    f.appending.set(appending);
    f.created.set(created);
    f.seekable.set(-1);
    // SAFETY: `st` is a valid out-pointer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: fstat on the descriptor we just opened / were given.
    if unsafe { libc::fstat(fd, &mut st) } < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if e == libc::EBADF {
            f.fd.set(-1);
            return Err(os_error(e, None));
        }
    } else {
        if st.st_mode & libc::S_IFMT == libc::S_IFDIR {
            let _ = f.close_fd();
            return Err(os_error(libc::EISDIR, Some(&name)));
        }
        if st.st_blksize > 1 {
            f.blksize.set(st.st_blksize as i64);
        }
    }
    crate::ops::object::set_instance_dict_item(v, "name", name)?;
    if appending {
        // SAFETY: lseek on our descriptor.
        unsafe { libc::lseek(fd, 0, libc::SEEK_END) };
    }
    Ok(())
}

fn parse_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<()> {
    let mut p = ArgParser::new("FileIO", args, kw);
    let file = p.required("file")?;
    let mode = p.optional("mode")?;
    let closefd = p.optional("closefd")?;
    let opener = p.optional("opener")?;
    p.finish()?;
    let mode = match &mode {
        None => "r".to_string(),
        Some(m) => match as_str(m) {
            Some(s) => s.to_string(),
            None => {
                return err(
                    &TYPE_ERROR,
                    format!(
                        "FileIO() argument 'mode' must be str, not {}",
                        m.type_name()
                    ),
                )
            }
        },
    };
    let closefd = match &closefd {
        None => true,
        Some(c) => crate::ops::object::truthy(c)?,
    };
    init(v, &file, &mode, closefd, opener.as_ref())
}

fn fileio_new(ty: *const TypeObject, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = alloc(ty, new_payload());
    // SAFETY: types are immortal.
    let heap = unsafe { (*ty).flags } & flags::HEAPTYPE != 0;
    if !(heap && args.is_empty()) {
        parse_init(&v, args, kw)?;
    }
    Ok(v)
}

/// A new FileIO over `file` with raw `mode` (for `open()`).
pub fn new_fileio(
    file: &Value,
    mode: &str,
    closefd: bool,
    opener: Option<&Value>,
) -> PyResult<Value> {
    let v = alloc(&FILEIO_TYPE, new_payload());
    init(&v, file, mode, closefd, opener)?;
    Ok(v)
}

/// A FileIO over descriptor `fd` that does not own it (the standard streams).
pub fn new_std_fileio(fd: i32, readable: bool) -> Value {
    let v = alloc(&FILEIO_TYPE, new_payload());
    let f = this(&v);
    f.fd.set(fd);
    f.closefd.set(false);
    f.readable.set(readable);
    f.writable.set(!readable);
    let name = ["<stdin>", "<stdout>", "<stderr>"]
        .get(fd as usize)
        .map_or(Value::int(fd as i64), |n| new_str(n));
    let _ = crate::ops::object::set_instance_dict_item(&v, "name", name);
    v
}

/// Whether a raw stream is a terminal (`isatty()`, through the method for other types).
pub fn raw_isatty(raw: &Value) -> bool {
    if let Some(f) = exact(raw) {
        // SAFETY: isatty only inspects the descriptor.
        return f.fd.get() >= 0 && unsafe { libc::isatty(f.fd.get()) } == 1;
    }
    match super::call_method(raw, "isatty", &[]) {
        Ok(r) => crate::ops::object::truthy(&r).unwrap_or(false),
        Err(_) => {
            crate::vm::thread::take_raised();
            false
        }
    }
}

fn m_init(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    parse_init(v, args, kw)?;
    Ok(Value::NONE)
}

fn m_read(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("read", args, kw);
    let n = size_arg(p.optional_pos().as_ref())?;
    p.finish()?;
    let f = this(v);
    let r = match n {
        None => f.readall()?,
        Some(n) => f.read(n)?,
    };
    Ok(r.map_or(Value::NONE, |b| new_bytes(&b)))
}

fn m_readall(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(v).readall()?.map_or(Value::NONE, |b| new_bytes(&b)))
}

fn m_readinto(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = crate::builtins::args::exactly_one("readinto", args)?;
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
    let Some(data) = this(v).read(n)? else {
        return Ok(Value::NONE);
    };
    let k = data.len();
    ba.with(|d| {
        let k = k.min(d.len());
        d[..k].copy_from_slice(&data[..k]);
    });
    Ok(Value::int(k as i64))
}

fn m_write(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = crate::builtins::args::exactly_one("write", args)?;
    let f = this(v);
    f.fd()?;
    let Some(data) = as_bytes_like(b).map(|d| d.to_vec()) else {
        return err(
            &TYPE_ERROR,
            format!("a bytes-like object is required, not '{}'", b.type_name()),
        );
    };
    Ok(f.write(&data)?
        .map_or(Value::NONE, |n| Value::int(n as i64)))
}

/// A seek position argument (ints only, as CPython's "an integer is required").
pub fn pos_arg(v: &Value) -> PyResult<i64> {
    if v.as_float().is_some() {
        return err(&TYPE_ERROR, "an integer is required");
    }
    crate::ops::number::index_i64(v)
}

fn m_seek(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("seek", args, kw);
    let pos = p.optional_pos();
    let whence = p.optional_pos();
    p.finish()?;
    let Some(pos) = pos else {
        return err(&TYPE_ERROR, "seek expected at least 1 argument, got 0");
    };
    let f = this(v);
    f.fd()?;
    let pos = pos_arg(&pos)?;
    let whence = match whence {
        Some(w) => crate::ops::number::index_i64(&w)? as i32,
        None => 0,
    };
    Ok(Value::int(f.seek(pos, whence)?))
}

fn m_tell(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(v).tell()?))
}

fn m_truncate(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("truncate", args, kw);
    let size = p.optional_pos();
    p.finish()?;
    let f = this(v);
    let fd = f.fd()?;
    if !f.writable.get() {
        return Err(unsupported("File not open for writing"));
    }
    let size = match size {
        Some(s) if !s.is_none() => pos_arg(&s)?,
        _ => f.tell()?,
    };
    // SAFETY: ftruncate on our descriptor.
    if unsafe { libc::ftruncate(fd, size as libc::off_t) } < 0 {
        return Err(last_os_error(None));
    }
    Ok(Value::int(size))
}

fn m_seekable(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(this(v).is_seekable()?))
}

fn m_readable(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    f.fd()?;
    Ok(Value::bool(f.readable.get()))
}

fn m_writable(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    f.fd()?;
    Ok(Value::bool(f.writable.get()))
}

fn m_fileno(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(v).fd()? as i64))
}

fn m_isatty(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = this(v).fd()?;
    // SAFETY: isatty only inspects the descriptor.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

fn m_close(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let f = this(v);
    if f.is_closed() {
        return Ok(Value::NONE);
    }
    // A subclass's `flush` runs first, as `RawIOBase.close` would.
    if !std::ptr::eq(v.ty(), &FILEIO_TYPE) {
        if let Err(e) = super::call_method(v, "flush", &[]) {
            let _ = f.close_fd();
            return Err(e);
        }
    }
    f.close_fd()?;
    Ok(Value::NONE)
}

fn m_flush(v: &Value, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if this(v).is_closed() {
        return err(&VALUE_ERROR, "I/O operation on closed file.");
    }
    Ok(Value::NONE)
}

fn fileio_repr(v: &Value) -> PyResult<Value> {
    let f = this(v);
    let tname = v.ty().name;
    if f.is_closed() {
        return Ok(from_string(format!("<{} [closed]>", tname)));
    }
    let closefd = if f.closefd.get() { "True" } else { "False" };
    match crate::ops::object::getattr_opt(v, &new_str("name"))? {
        Some(n) => {
            if !crate::vm::reprguard::enter(v) {
                return err(
                    &crate::objects::exception::RUNTIME_ERROR,
                    format!("reentrant call inside {}.__repr__", tname),
                );
            }
            let r = crate::ops::object::repr_string(&n);
            crate::vm::reprguard::leave(v);
            Ok(from_string(format!(
                "<{} name={} mode='{}' closefd={}>",
                tname,
                r?,
                f.mode(),
                closefd
            )))
        }
        None => Ok(from_string(format!(
            "<{} fd={} mode='{}' closefd={}>",
            tname,
            f.fd.get(),
            f.mode(),
            closefd
        ))),
    }
}

/// `_io.FileIO`.
pub static FILEIO_TYPE: TypeObject = TypeObject {
    name: "_io.FileIO",
    base: &super::iobase::RAWIOBASE_TYPE,
    layout: &FILEIO_TYPE,
    flags: flags::BASETYPE,
    dict_offset: offset_of!(Obj<FileIO>, data) + offset_of!(FileIO, dict),
    dealloc: dealloc_obj::<FileIO>,
    repr: Some(fileio_repr),
    new: Some(fileio_new),
    methods: &[
        method!("__init__", m_init),
        method!("read", m_read),
        method!("readall", m_readall),
        method!("readinto", m_readinto),
        method!("write", m_write),
        method!("seek", m_seek),
        method!("tell", m_tell),
        method!("truncate", m_truncate),
        method!("seekable", m_seekable),
        method!("readable", m_readable),
        method!("writable", m_writable),
        method!("fileno", m_fileno),
        method!("isatty", m_isatty),
        method!("close", m_close),
        method!("flush", m_flush),
    ],
    getsets: &[
        GetSetDef {
            name: "closed",
            get: |v| Ok(Value::bool(this(v).is_closed())),
            set: None,
        },
        GetSetDef {
            name: "closefd",
            get: |v| Ok(Value::bool(this(v).closefd.get())),
            set: None,
        },
        GetSetDef {
            name: "mode",
            get: |v| Ok(new_str(this(v).mode())),
            set: None,
        },
        GetSetDef {
            name: "_blksize",
            get: |v| Ok(Value::int(this(v).blksize.get())),
            set: None,
        },
    ],
    doc: "Open a file.",
    ..TypeObject::EMPTY
};
