//! Reading directories: `listdir`, and `scandir` with its iterator and `DirEntry` objects
//! (which cache what `readdir` told about the entry, and their `stat` results), so `os.walk`
//! needs one `stat` call per entry at most.

use std::cell::RefCell;
use std::ffi::{CStr, CString};

use crate::abi::Value;
use crate::builtins::args::{no_args, ArgParser};
use crate::objects::exception::{err, raised_matches, FILE_NOT_FOUND_ERROR, TYPE_ERROR};
use crate::objects::list::new_list;
use crate::objects::str::from_string;
use crate::objects::{
    alloc, dealloc_obj, method, MethodDef, MethodKind, PyPayload, PyResult, TypeObject,
};

use super::path::{bool_arg, clear_errno, errno, path_arg, path_error, path_result, PathArg};
use super::stat::{do_stat, stat_result};

/// An open `DIR*`, closed on drop; `from_fd` when it reads a duplicate of a caller's
/// descriptor (rewound before closing, as the offset is shared).
struct Dir {
    dir: *mut libc::DIR,
    from_fd: bool,
}

impl Dir {
    fn open(path: &PathArg) -> PyResult<Dir> {
        if let Some(fd) = path.fd {
            // SAFETY: plain syscall on integers.
            let dup = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
            if dup < 0 {
                // As CPython's `_Py_dup` failing: no file name.
                return Err(super::path::posix_error());
            }
            // SAFETY: `dup` is a descriptor we own; fdopendir takes it over on success.
            let d = unsafe { libc::fdopendir(dup) };
            if d.is_null() {
                let e = errno();
                // SAFETY: fdopendir failed, so `dup` is still ours to close.
                unsafe { libc::close(dup) };
                return Err(crate::modules::io::os_error(e, Some(&path.object)));
            }
            return Ok(Dir {
                dir: d,
                from_fd: true,
            });
        }
        // SAFETY: `path.c` is NUL-terminated.
        let d = super::path::retry(|| unsafe { libc::opendir(path.c.as_ptr()) } as usize)?;
        match d {
            Ok(0) | Err(_) => Err(path_error(path)),
            Ok(p) => Ok(Dir {
                dir: p as *mut libc::DIR,
                from_fd: false,
            }),
        }
    }

    /// The next entry other than `.` and `..`: (name, d_type, inode); `Ok(None)` at the end,
    /// `Err(errno)` on a read error.
    fn next(&self) -> Result<Option<(Vec<u8>, u8, u64)>, i32> {
        loop {
            clear_errno();
            // SAFETY: `self.dir` is an open directory stream.
            let e = unsafe { libc::readdir(self.dir) };
            if e.is_null() {
                let n = errno();
                return if n == 0 { Ok(None) } else { Err(n) };
            }
            // SAFETY: readdir returned a valid entry, alive until the next readdir call.
            let (name, ty, ino) = unsafe {
                (
                    CStr::from_ptr((*e).d_name.as_ptr()).to_bytes().to_vec(),
                    (*e).d_type,
                    (*e).d_ino,
                )
            };
            if name == b"." || name == b".." {
                continue;
            }
            return Ok(Some((name, ty, ino)));
        }
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // SAFETY: `self.dir` is an open directory stream, closed only here.
        unsafe {
            if self.from_fd {
                libc::rewinddir(self.dir);
            }
            libc::closedir(self.dir);
        }
    }
}

/// `listdir(path=None)`: the names in a directory (bytes when `path` is bytes), in the order
/// the file system gives them.
pub fn p_listdir(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("listdir", args, kw);
    let path = p.optional("path")?.unwrap_or(Value::NONE);
    p.finish()?;
    let path = path_arg("listdir", "path", &path, true, true)?;
    let dir = Dir::open(&path)?;
    let mut names = Vec::new();
    loop {
        match dir.next() {
            Ok(Some((name, _, _))) => names.push(path_result(&name, path.is_bytes)),
            Ok(None) => break,
            Err(e) => {
                return Err(crate::modules::io::os_error(e, Some(&path.object)));
            }
        }
    }
    Ok(new_list(names))
}

// ---------------------------------------------------------------------------------------------
// ScandirIterator

/// Payload of `posix.ScandirIterator`.
pub struct ScandirIter {
    dir: RefCell<Option<Dir>>,
    /// The directory as given, joined with each name for `DirEntry.path` (`None`: the
    /// default, which gives `./name` as CPython does).
    prefix: Option<Vec<u8>>,
    is_bytes: bool,
    /// The descriptor scanned, for `scandir(fd)`: entries' paths are then bare names, relative
    /// to it.
    dir_fd: Option<i32>,
}

impl PyPayload for ScandirIter {
    fn type_object() -> *const TypeObject {
        &SCANDIR_ITER_TYPE
    }
}

/// `scandir(path=None)`.
pub fn p_scandir(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("scandir", args, kw);
    let path = p.optional("path")?.unwrap_or(Value::NONE);
    p.finish()?;
    let path = path_arg("scandir", "path", &path, true, true)?;
    let dir = Dir::open(&path)?;
    Ok(alloc(
        &SCANDIR_ITER_TYPE,
        ScandirIter {
            dir: RefCell::new(Some(dir)),
            prefix: (!path.is_none && path.fd.is_none()).then(|| path.bytes().to_vec()),
            is_bytes: path.is_bytes,
            dir_fd: path.fd,
        },
    ))
}

fn it(v: &Value) -> &ScandirIter {
    v.downcast_ref::<ScandirIter>()
        .expect("ScandirIterator method on a foreign object")
}

fn scandir_next(v: &Value) -> PyResult<Option<Value>> {
    let s = it(v);
    let r = match &*s.dir.borrow() {
        None => return Ok(None),
        Some(d) => d.next(),
    };
    match r {
        Ok(Some((name, d_type, ino))) => {
            let mut full = match &s.prefix {
                None if s.dir_fd.is_some() => Vec::new(),
                None => b"./".to_vec(),
                Some(p) => {
                    let mut f = p.clone();
                    if !f.is_empty() && !f.ends_with(b"/") {
                        f.push(b'/');
                    }
                    f
                }
            };
            full.extend_from_slice(&name);
            Ok(Some(alloc(
                &DIR_ENTRY_TYPE,
                DirEntry {
                    name: path_result(&name, s.is_bytes),
                    path: path_result(&full, s.is_bytes),
                    c_path: CString::new(full).unwrap_or_default(),
                    d_type,
                    ino,
                    dir_fd: s.dir_fd.unwrap_or(libc::AT_FDCWD),
                    stat: RefCell::new(None),
                    lstat: RefCell::new(None),
                },
            )))
        }
        Ok(None) => {
            s.dir.borrow_mut().take();
            Ok(None)
        }
        Err(e) => {
            s.dir.borrow_mut().take();
            Err(crate::modules::io::os_error(e, None))
        }
    }
}

fn scandir_close(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("close", args)?;
    it(v).dir.borrow_mut().take();
    Ok(Value::NONE)
}

/// `posix.ScandirIterator`: yields `DirEntry` objects; a context manager closing the directory.
pub static SCANDIR_ITER_TYPE: TypeObject = TypeObject {
    name: "posix.ScandirIterator",
    layout: &SCANDIR_ITER_TYPE,
    dealloc: dealloc_obj::<ScandirIter>,
    iter: Some(|v| Ok(v.clone())),
    next: Some(scandir_next),
    methods: &[
        method!("close", scandir_close),
        method!("__enter__", |v, _a, _k| Ok(v.clone())),
        method!("__exit__", |v, _a, _k| {
            it(v).dir.borrow_mut().take();
            Ok(Value::FALSE)
        }),
    ],
    ..TypeObject::EMPTY
};

// ---------------------------------------------------------------------------------------------
// DirEntry

/// Payload of `posix.DirEntry`.
pub struct DirEntry {
    name: Value,
    path: Value,
    c_path: CString,
    /// `d_type` from readdir (`DT_UNKNOWN` when the file system does not tell).
    d_type: u8,
    ino: u64,
    /// What `path` is relative to (`AT_FDCWD`, or the descriptor given to `scandir`).
    dir_fd: i32,
    stat: RefCell<Option<Value>>,
    lstat: RefCell<Option<Value>>,
}

impl PyPayload for DirEntry {
    fn type_object() -> *const TypeObject {
        &DIR_ENTRY_TYPE
    }
}

fn entry(v: &Value) -> &DirEntry {
    v.downcast_ref::<DirEntry>()
        .expect("DirEntry method on a foreign object")
}

impl DirEntry {
    fn path_arg(&self) -> PathArg {
        PathArg {
            object: self.path.clone(),
            c: self.c_path.clone(),
            fd: None,
            is_bytes: false,
            is_none: false,
        }
    }

    /// `lstat()` of the entry, cached.
    fn get_lstat(&self) -> PyResult<Value> {
        if let Some(s) = &*self.lstat.borrow() {
            return Ok(s.clone());
        }
        let p = self.path_arg();
        let st = match do_stat(&p, self.dir_fd, false)? {
            Ok(st) => stat_result(&st),
            Err(_) => return Err(path_error(&p)),
        };
        *self.lstat.borrow_mut() = Some(st.clone());
        Ok(st)
    }

    fn is_symlink(&self) -> PyResult<bool> {
        if self.d_type != libc::DT_UNKNOWN {
            return Ok(self.d_type == libc::DT_LNK);
        }
        let st = self.get_lstat()?;
        Ok(mode_of(&st)? & libc::S_IFMT == libc::S_IFLNK)
    }

    /// `stat(follow_symlinks=...)`, cached.
    fn get_stat(&self, follow: bool) -> PyResult<Value> {
        if !follow || !self.is_symlink()? {
            return self.get_lstat();
        }
        if let Some(s) = &*self.stat.borrow() {
            return Ok(s.clone());
        }
        let p = self.path_arg();
        let st = match do_stat(&p, self.dir_fd, true)? {
            Ok(st) => stat_result(&st),
            Err(_) => return Err(path_error(&p)),
        };
        *self.stat.borrow_mut() = Some(st.clone());
        Ok(st)
    }

    /// Whether the entry is of file type `fmt` (`S_IFDIR`, `S_IFREG`); False when it is gone.
    fn test_mode(&self, follow: bool, fmt: u32, dt: u8) -> PyResult<bool> {
        if self.d_type != libc::DT_UNKNOWN && !(follow && self.d_type == libc::DT_LNK) {
            return Ok(self.d_type == dt);
        }
        match self.get_stat(follow) {
            Ok(st) => Ok(mode_of(&st)? & libc::S_IFMT == fmt),
            Err(e) => {
                if raised_matches(&FILE_NOT_FOUND_ERROR) {
                    crate::vm::thread::take_raised();
                    Ok(false)
                } else {
                    Err(e)
                }
            }
        }
    }
}

/// `st_mode` of a stat_result.
fn mode_of(st: &Value) -> PyResult<u32> {
    let m = crate::objects::tuple::tuple_items(st)
        .first()
        .and_then(|m| m.as_small_int())
        .unwrap_or(0);
    Ok(m as u32)
}

/// The `follow_symlinks=` keyword of the DirEntry methods (keyword-only, no positionals).
fn follow_kw(name: &str, args: &[Value], kw: &[Value]) -> PyResult<bool> {
    let mut p = ArgParser::new(name, args, kw);
    p.no_positional()?;
    let f = p.kw_only("follow_symlinks")?;
    p.finish()?;
    bool_arg(f, true)
}

fn de_is_dir(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let follow = follow_kw("is_dir", args, kw)?;
    Ok(Value::bool(entry(v).test_mode(
        follow,
        libc::S_IFDIR,
        libc::DT_DIR,
    )?))
}

fn de_is_file(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let follow = follow_kw("is_file", args, kw)?;
    Ok(Value::bool(entry(v).test_mode(
        follow,
        libc::S_IFREG,
        libc::DT_REG,
    )?))
}

fn de_is_symlink(v: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("is_symlink", args)?;
    Ok(Value::bool(entry(v).is_symlink()?))
}

fn de_stat(v: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let follow = follow_kw("stat", args, kw)?;
    entry(v).get_stat(follow)
}

fn de_repr(v: &Value) -> PyResult<Value> {
    Ok(from_string(format!(
        "<DirEntry {}>",
        crate::ops::object::repr_string(&entry(v).name)?
    )))
}

/// `posix.DirEntry`: made only by `scandir`.
pub static DIR_ENTRY_TYPE: TypeObject = TypeObject {
    name: "posix.DirEntry",
    layout: &DIR_ENTRY_TYPE,
    dealloc: dealloc_obj::<DirEntry>,
    repr: Some(de_repr),
    new: Some(|_, _, _| err(&TYPE_ERROR, "cannot create 'posix.DirEntry' instances")),
    methods: &[
        method!("is_dir", de_is_dir),
        method!("is_file", de_is_file),
        method!("is_symlink", de_is_symlink),
        method!("is_junction", |_, _, _| Ok(Value::FALSE)),
        method!("stat", de_stat),
        method!("inode", |v, _a, _k| Ok(crate::objects::int::from_i128(
            entry(v).ino as i128
        ))),
        method!("__fspath__", |v, _a, _k| Ok(entry(v).path.clone())),
        MethodDef {
            name: "__class_getitem__",
            func: |cls, args, _kw| {
                let a = crate::builtins::args::exactly_one("__class_getitem__", args)?;
                Ok(crate::objects::generic_alias::new_generic_alias(
                    cls.clone(),
                    a.clone(),
                ))
            },
            kind: MethodKind::Class,
            doc: "",
        },
    ],
    getsets: &[
        crate::objects::GetSetDef {
            name: "name",
            get: |v| Ok(entry(v).name.clone()),
            set: None,
        },
        crate::objects::GetSetDef {
            name: "path",
            get: |v| Ok(entry(v).path.clone()),
            set: None,
        },
    ],
    ..TypeObject::EMPTY
};
