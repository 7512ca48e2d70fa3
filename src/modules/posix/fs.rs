//! File system and file descriptor functions of `posix`: `open`/`read`/`write`/`close` on
//! descriptors, and the path operations (`mkdir`, `unlink`, `rename`, `readlink`, `access`,
//! `chmod`, `utime`, ...). Paths accept `dir_fd=` where CPython's do, through the `*at` calls.

use crate::abi::Value;
use crate::builtins::args::ArgParser;
use crate::objects::bytes::new_bytes;
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::tuple::{new_tuple, try_tuple_items};
use crate::objects::PyResult;

use super::path::{
    bool_arg, dir_fd_arg, errno, fd_value, fildes, int_arg, path_arg, path_error, path_error2,
    path_result, posix_error, retry,
};

/// Turns a libc return value into `Ok` or the OSError naming `path`.
macro_rules! check_path {
    ($path:expr, $call:expr) => {
        match retry(|| $call)? {
            Ok(r) => r,
            Err(_) => return Err(path_error(&$path)),
        }
    };
}

/// Turns a libc return value into `Ok` or the OSError naming no file.
macro_rules! check {
    ($call:expr) => {
        match retry(|| $call)? {
            Ok(r) => r,
            Err(_) => return Err(posix_error()),
        }
    };
}

// ---------------------------------------------------------------------------------------------
// File descriptors.

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: a new non-inheritable descriptor.
pub fn p_open(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("open", args, kw);
    let path = p.required("path")?;
    let flags = p.required("flags")?;
    let mode = p.optional("mode")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let path = path_arg("open", "path", &path, false, false)?;
    let flags = int_arg(&flags)? as i32 | libc::O_CLOEXEC;
    let mode = match mode {
        Some(m) => int_arg(&m)? as libc::c_uint,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(dir_fd)?;
    // SAFETY: `path.c` is NUL-terminated.
    let fd = check_path!(path, unsafe {
        libc::openat(dir_fd, path.c.as_ptr(), flags, mode)
    });
    Ok(Value::int(fd as i64))
}

/// `close(fd)`.
pub fn p_close(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("close", args, kw);
    let fd = fd_value(&p.required("fd")?)?;
    p.finish()?;
    // SAFETY: closing a descriptor the caller names; EINTR is not retried (Linux closes it).
    if unsafe { libc::close(fd) } < 0 && errno() != libc::EINTR {
        return Err(posix_error());
    }
    Ok(Value::NONE)
}

/// `closerange(fd_low, fd_high)`: closes every descriptor in the range, ignoring errors.
pub fn p_closerange(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [lo, hi] = args else {
        return err(
            &TYPE_ERROR,
            format!("closerange expected 2 arguments, got {}", args.len()),
        );
    };
    let (lo, hi) = (fd_value(lo)?.max(0), fd_value(hi)?);
    for fd in lo..hi {
        // SAFETY: closing descriptors, as asked; errors are ignored as in CPython.
        unsafe { libc::close(fd) };
    }
    Ok(Value::NONE)
}

/// `read(fd, length)`.
pub fn p_read(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [fd, n] = args else {
        return err(
            &TYPE_ERROR,
            format!("read expected 2 arguments, got {}", args.len()),
        );
    };
    let fd = fd_value(fd)?;
    let n = int_arg(n)?;
    if n < 0 {
        return err(&VALUE_ERROR, "negative length");
    }
    let n = n as usize;
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    // SAFETY: `buf` has capacity for `n` bytes.
    let got = check!(unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) });
    // SAFETY: read wrote `got` (at most `n`) bytes into the reserved space.
    unsafe { buf.set_len(got as usize) };
    Ok(new_bytes(&buf))
}

/// `write(fd, data)`: the number of bytes written.
pub fn p_write(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [fd, data] = args else {
        return err(
            &TYPE_ERROR,
            format!("write expected 2 arguments, got {}", args.len()),
        );
    };
    let fd = fd_value(fd)?;
    let Some(b) = crate::objects::bytes::buffer_bytes(data) else {
        return err(
            &TYPE_ERROR,
            format!(
                "a bytes-like object is required, not '{}'",
                data.type_name()
            ),
        );
    };
    let b = b?;
    // SAFETY: `b` is a valid buffer of its length.
    let n = check!(unsafe { libc::write(fd, b.as_ptr().cast(), b.len()) });
    Ok(Value::int(n as i64))
}

/// `lseek(fd, position, whence)`: the new offset.
pub fn p_lseek(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [fd, pos, how] = args else {
        return err(
            &TYPE_ERROR,
            format!("lseek expected 3 arguments, got {}", args.len()),
        );
    };
    let fd = fd_value(fd)?;
    let pos = int_arg(pos)?;
    let how = int_arg(how)? as i32;
    // SAFETY: plain syscall on integers.
    let r = check!(unsafe { libc::lseek(fd, pos, how) });
    Ok(Value::int(r))
}

/// `isatty(fd)`.
pub fn p_isatty(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fd_value(crate::builtins::args::exactly_one("isatty", args)?)?;
    // SAFETY: plain syscall on an integer.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

/// `pipe()`: `(read_fd, write_fd)`, both non-inheritable.
pub fn p_pipe(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("pipe", args)?;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for two descriptors.
    check!(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) });
    Ok(new_tuple(vec![
        Value::int(fds[0] as i64),
        Value::int(fds[1] as i64),
    ]))
}

/// `dup(fd)`: a new non-inheritable descriptor.
pub fn p_dup(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fd_value(crate::builtins::args::exactly_one("dup", args)?)?;
    // SAFETY: plain syscall on integers.
    let r = check!(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) });
    Ok(Value::int(r as i64))
}

/// `dup2(fd, fd2, inheritable=True)`.
pub fn p_dup2(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("dup2", args, kw);
    let fd = fd_value(&p.required("fd")?)?;
    let fd2 = fd_value(&p.required("fd2")?)?;
    let inheritable = bool_arg(p.optional("inheritable")?, true)?;
    p.finish()?;
    let flags = if inheritable { 0 } else { libc::O_CLOEXEC };
    let r = if fd == fd2 {
        // dup3 refuses equal descriptors; dup2 checks the descriptor and returns it.
        // SAFETY: plain syscall on integers.
        check!(unsafe { libc::dup2(fd, fd2) })
    } else {
        // SAFETY: plain syscall on integers.
        check!(unsafe { libc::dup3(fd, fd2, flags) })
    };
    Ok(Value::int(r as i64))
}

/// `fsync(fd)` (a descriptor or an object with `fileno()`).
pub fn p_fsync(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fildes(crate::builtins::args::exactly_one("fsync", args)?)?;
    // SAFETY: plain syscall on an integer.
    check!(unsafe { libc::fsync(fd) });
    Ok(Value::NONE)
}

/// `ftruncate(fd, length)`.
pub fn p_ftruncate(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [fd, len] = args else {
        return err(
            &TYPE_ERROR,
            format!("ftruncate expected 2 arguments, got {}", args.len()),
        );
    };
    let fd = fd_value(fd)?;
    let len = int_arg(len)?;
    // SAFETY: plain syscall on integers.
    check!(unsafe { libc::ftruncate(fd, len) });
    Ok(Value::NONE)
}

/// `truncate(path, length)` (path may be a descriptor).
pub fn p_truncate(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("truncate", args, kw);
    let path = p.required("path")?;
    let len = int_arg(&p.required("length")?)?;
    p.finish()?;
    let path = path_arg("truncate", "path", &path, true, false)?;
    match path.fd {
        // SAFETY: plain syscall on integers.
        Some(fd) => check_path!(path, unsafe { libc::ftruncate(fd, len) }),
        // SAFETY: `path.c` is NUL-terminated.
        None => check_path!(path, unsafe { libc::truncate(path.c.as_ptr(), len) }),
    };
    Ok(Value::NONE)
}

fn fd_flags(fd: i32, get: i32) -> PyResult<i32> {
    // SAFETY: plain syscall on integers.
    Ok(check!(unsafe { libc::fcntl(fd, get) }))
}

/// `get_inheritable(fd)`.
pub fn p_get_inheritable(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fd_value(crate::builtins::args::exactly_one("get_inheritable", args)?)?;
    Ok(Value::bool(
        fd_flags(fd, libc::F_GETFD)? & libc::FD_CLOEXEC == 0,
    ))
}

/// `set_inheritable(fd, inheritable)`.
pub fn p_set_inheritable(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [fd, inh] = args else {
        return err(
            &TYPE_ERROR,
            format!("set_inheritable expected 2 arguments, got {}", args.len()),
        );
    };
    let fd = fd_value(fd)?;
    let inh = crate::ops::object::truthy(inh)?;
    let f = fd_flags(fd, libc::F_GETFD)?;
    let nf = if inh {
        f & !libc::FD_CLOEXEC
    } else {
        f | libc::FD_CLOEXEC
    };
    // SAFETY: plain syscall on integers.
    check!(unsafe { libc::fcntl(fd, libc::F_SETFD, nf) });
    Ok(Value::NONE)
}

/// `get_blocking(fd)`.
pub fn p_get_blocking(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fd_value(crate::builtins::args::exactly_one("get_blocking", args)?)?;
    Ok(Value::bool(
        fd_flags(fd, libc::F_GETFL)? & libc::O_NONBLOCK == 0,
    ))
}

/// `set_blocking(fd, blocking)`.
pub fn p_set_blocking(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [fd, b] = args else {
        return err(
            &TYPE_ERROR,
            format!("set_blocking expected 2 arguments, got {}", args.len()),
        );
    };
    let fd = fd_value(fd)?;
    let blocking = crate::ops::object::truthy(b)?;
    let f = fd_flags(fd, libc::F_GETFL)?;
    let nf = if blocking {
        f & !libc::O_NONBLOCK
    } else {
        f | libc::O_NONBLOCK
    };
    // SAFETY: plain syscall on integers.
    check!(unsafe { libc::fcntl(fd, libc::F_SETFL, nf) });
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------------------------
// Paths.

/// `mkdir(path, mode=0o777, *, dir_fd=None)`.
pub fn p_mkdir(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("mkdir", args, kw);
    let path = p.required("path")?;
    let mode = p.optional("mode")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let path = path_arg("mkdir", "path", &path, false, false)?;
    let mode = match mode {
        Some(m) => int_arg(&m)? as libc::mode_t,
        None => 0o777,
    };
    let dir_fd = dir_fd_arg(dir_fd)?;
    // SAFETY: `path.c` is NUL-terminated.
    check_path!(path, unsafe {
        libc::mkdirat(dir_fd, path.c.as_ptr(), mode)
    });
    Ok(Value::NONE)
}

/// `rmdir(path, *, dir_fd=None)`.
pub fn p_rmdir(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("rmdir", args, kw);
    let path = p.required("path")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let path = path_arg("rmdir", "path", &path, false, false)?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    // SAFETY: `path.c` is NUL-terminated.
    check_path!(path, unsafe {
        libc::unlinkat(dir_fd, path.c.as_ptr(), libc::AT_REMOVEDIR)
    });
    Ok(Value::NONE)
}

fn unlink_impl(name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kw);
    let path = p.required("path")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let path = path_arg(name, "path", &path, false, false)?;
    let dir_fd = dir_fd_arg(dir_fd)?;
    // SAFETY: `path.c` is NUL-terminated.
    check_path!(path, unsafe { libc::unlinkat(dir_fd, path.c.as_ptr(), 0) });
    Ok(Value::NONE)
}

/// `unlink(path, *, dir_fd=None)`.
pub fn p_unlink(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_impl("unlink", args, kw)
}

/// `remove(path, *, dir_fd=None)`.
pub fn p_remove(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_impl("remove", args, kw)
}

fn rename_impl(name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new(name, args, kw);
    let src = p.required("src")?;
    let dst = p.required("dst")?;
    let src_dir_fd = p.kw_only("src_dir_fd")?;
    let dst_dir_fd = p.kw_only("dst_dir_fd")?;
    p.finish()?;
    let src = path_arg(name, "src", &src, false, false)?;
    let dst = path_arg(name, "dst", &dst, false, false)?;
    let (sfd, dfd) = (dir_fd_arg(src_dir_fd)?, dir_fd_arg(dst_dir_fd)?);
    // SAFETY: both paths are NUL-terminated.
    match retry(|| unsafe { libc::renameat(sfd, src.c.as_ptr(), dfd, dst.c.as_ptr()) })? {
        Ok(_) => Ok(Value::NONE),
        Err(_) => Err(path_error2(&src, &dst)),
    }
}

/// `rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn p_rename(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rename_impl("rename", args, kw)
}

/// `replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None)`.
pub fn p_replace(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rename_impl("replace", args, kw)
}

/// `link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)`.
pub fn p_link(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("link", args, kw);
    let src = p.required("src")?;
    let dst = p.required("dst")?;
    let src_dir_fd = p.kw_only("src_dir_fd")?;
    let dst_dir_fd = p.kw_only("dst_dir_fd")?;
    let follow = p.kw_only("follow_symlinks")?;
    p.finish()?;
    let src = path_arg("link", "src", &src, false, false)?;
    let dst = path_arg("link", "dst", &dst, false, false)?;
    let (sfd, dfd) = (dir_fd_arg(src_dir_fd)?, dir_fd_arg(dst_dir_fd)?);
    let flags = if bool_arg(follow, true)? {
        libc::AT_SYMLINK_FOLLOW
    } else {
        0
    };
    // SAFETY: both paths are NUL-terminated.
    match retry(|| unsafe { libc::linkat(sfd, src.c.as_ptr(), dfd, dst.c.as_ptr(), flags) })? {
        Ok(_) => Ok(Value::NONE),
        Err(_) => Err(path_error2(&src, &dst)),
    }
}

/// `symlink(src, dst, target_is_directory=False, *, dir_fd=None)`.
pub fn p_symlink(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("symlink", args, kw);
    let src = p.required("src")?;
    let dst = p.required("dst")?;
    let _target_is_dir = p.optional("target_is_directory")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let src = path_arg("symlink", "src", &src, false, false)?;
    let dst = path_arg("symlink", "dst", &dst, false, false)?;
    let dfd = dir_fd_arg(dir_fd)?;
    // SAFETY: both paths are NUL-terminated.
    match retry(|| unsafe { libc::symlinkat(src.c.as_ptr(), dfd, dst.c.as_ptr()) })? {
        Ok(_) => Ok(Value::NONE),
        Err(_) => Err(path_error2(&src, &dst)),
    }
}

/// `readlink(path, *, dir_fd=None)`: str or bytes as `path`.
pub fn p_readlink(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("readlink", args, kw);
    let path = p.required("path")?;
    let dir_fd = p.kw_only("dir_fd")?;
    p.finish()?;
    let path = path_arg("readlink", "path", &path, false, false)?;
    let dfd = dir_fd_arg(dir_fd)?;
    let mut buf = vec![0u8; libc::PATH_MAX as usize + 1];
    // SAFETY: `path.c` is NUL-terminated; `buf` has room for `buf.len()` bytes.
    let n = check_path!(path, unsafe {
        libc::readlinkat(dfd, path.c.as_ptr(), buf.as_mut_ptr().cast(), buf.len())
    });
    buf.truncate(n as usize);
    Ok(path_result(&buf, path.is_bytes))
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`: whether
/// the access is allowed (never raises for a missing file).
pub fn p_access(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("access", args, kw);
    let path = p.required("path")?;
    let mode = int_arg(&p.required("mode")?)? as i32;
    let dir_fd = p.kw_only("dir_fd")?;
    let effective = p.kw_only("effective_ids")?;
    let follow = p.kw_only("follow_symlinks")?;
    p.finish()?;
    let path = path_arg("access", "path", &path, false, false)?;
    let dfd = dir_fd_arg(dir_fd)?;
    let mut flags = 0;
    if bool_arg(effective, false)? {
        flags |= libc::AT_EACCESS;
    }
    if !bool_arg(follow, true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    // SAFETY: `path.c` is NUL-terminated.
    let r = unsafe { libc::faccessat(dfd, path.c.as_ptr(), mode, flags) };
    Ok(Value::bool(r == 0))
}

/// `chmod(path, mode, *, dir_fd=None, follow_symlinks=True)` (path may be a descriptor).
pub fn p_chmod(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("chmod", args, kw);
    let path = p.required("path")?;
    let mode = int_arg(&p.required("mode")?)? as libc::mode_t;
    let dir_fd = p.kw_only("dir_fd")?;
    let follow = p.kw_only("follow_symlinks")?;
    p.finish()?;
    let path = path_arg("chmod", "path", &path, true, false)?;
    let dfd = dir_fd_arg(dir_fd)?;
    let flags = if bool_arg(follow, true)? {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    match path.fd {
        // SAFETY: plain syscall on integers.
        Some(fd) => check_path!(path, unsafe { libc::fchmod(fd, mode) }),
        // SAFETY: `path.c` is NUL-terminated.
        None => check_path!(path, unsafe {
            libc::fchmodat(dfd, path.c.as_ptr(), mode, flags)
        }),
    };
    Ok(Value::NONE)
}

/// `chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True)` (path may be a descriptor).
pub fn p_chown(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("chown", args, kw);
    let path = p.required("path")?;
    let uid = int_arg(&p.required("uid")?)? as libc::uid_t;
    let gid = int_arg(&p.required("gid")?)? as libc::gid_t;
    let dir_fd = p.kw_only("dir_fd")?;
    let follow = p.kw_only("follow_symlinks")?;
    p.finish()?;
    let path = path_arg("chown", "path", &path, true, false)?;
    let dfd = dir_fd_arg(dir_fd)?;
    let flags = if bool_arg(follow, true)? {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    match path.fd {
        // SAFETY: plain syscall on integers.
        Some(fd) => check_path!(path, unsafe { libc::fchown(fd, uid, gid) }),
        // SAFETY: `path.c` is NUL-terminated.
        None => check_path!(path, unsafe {
            libc::fchownat(dfd, path.c.as_ptr(), uid, gid, flags)
        }),
    };
    Ok(Value::NONE)
}

/// A `timespec` from a time in seconds (int or float), as CPython rounds (half-even).
fn timespec_from(v: &Value) -> PyResult<libc::timespec> {
    if let Some(i) = v.as_small_int() {
        return Ok(libc::timespec {
            tv_sec: i,
            tv_nsec: 0,
        });
    }
    if !v.is_float() && !crate::objects::int::is_int(v) {
        return err(
            &TYPE_ERROR,
            format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            ),
        );
    }
    let f = crate::objects::float::to_float(v)?;
    let ns = (f * 1e9).round_ties_even();
    let sec = (ns / 1e9).floor();
    Ok(libc::timespec {
        tv_sec: sec as i64,
        tv_nsec: (ns - sec * 1e9) as i64,
    })
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
pub fn p_utime(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("utime", args, kw);
    let path = p.required("path")?;
    let times = p.optional("times")?.filter(|t| !t.is_none());
    let ns = p.kw_only("ns")?;
    let dir_fd = p.kw_only("dir_fd")?;
    let follow = p.kw_only("follow_symlinks")?;
    p.finish()?;
    let path = path_arg("utime", "path", &path, true, false)?;
    let dfd = dir_fd_arg(dir_fd)?;
    let pair = |v: &Value| -> Option<[Value; 2]> {
        match try_tuple_items(v) {
            Some([a, b]) => Some([a.clone(), b.clone()]),
            _ => None,
        }
    };
    let ts: Option<[libc::timespec; 2]> = match (&times, &ns) {
        (Some(_), Some(_)) => {
            return err(
                &VALUE_ERROR,
                "utime: you may specify either 'times' or 'ns' but not both",
            )
        }
        (Some(t), None) => {
            let Some([a, m]) = pair(t) else {
                return err(
                    &TYPE_ERROR,
                    "utime: 'times' must be either a tuple of two ints or None",
                );
            };
            Some([timespec_from(&a)?, timespec_from(&m)?])
        }
        (None, Some(n)) => {
            let Some([a, m]) = pair(n) else {
                return err(&TYPE_ERROR, "utime: 'ns' must be a tuple of two ints");
            };
            let split = |v: &Value| -> PyResult<libc::timespec> {
                if !crate::objects::int::is_int(v) {
                    return err(&TYPE_ERROR, "utime: 'ns' must be a tuple of two ints");
                }
                let n = crate::ops::number::index_i64(v)? as i128;
                Ok(libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000) as i64,
                    tv_nsec: n.rem_euclid(1_000_000_000) as i64,
                })
            };
            Some([split(&a)?, split(&m)?])
        }
        (None, None) => None,
    };
    let tp = match &ts {
        Some(t) => t.as_ptr(),
        None => std::ptr::null(),
    };
    let flags = if bool_arg(follow, true)? {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    match path.fd {
        // SAFETY: `tp` is null or points at two timespecs.
        Some(fd) => check_path!(path, unsafe { libc::futimens(fd, tp) }),
        // SAFETY: `path.c` is NUL-terminated; `tp` is null or points at two timespecs.
        None => check_path!(path, unsafe {
            libc::utimensat(dfd, path.c.as_ptr(), tp, flags)
        }),
    };
    Ok(Value::NONE)
}

/// `getcwd()`.
pub fn p_getcwd(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("posix.getcwd", args)?;
    Ok(path_result(&cwd_bytes()?, false))
}

/// `getcwdb()`.
pub fn p_getcwdb(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::args::no_args("posix.getcwdb", args)?;
    Ok(new_bytes(&cwd_bytes()?))
}

fn cwd_bytes() -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(p) => Ok(std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()).to_vec()),
        Err(e) => Err(crate::modules::io::os_error(
            e.raw_os_error().unwrap_or(0),
            None,
        )),
    }
}

/// `chdir(path)` (path may be a descriptor).
pub fn p_chdir(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("chdir", args, kw);
    let path = p.required("path")?;
    p.finish()?;
    let path = path_arg("chdir", "path", &path, true, false)?;
    match path.fd {
        // SAFETY: plain syscall on an integer.
        Some(fd) => check_path!(path, unsafe { libc::fchdir(fd) }),
        // SAFETY: `path.c` is NUL-terminated.
        None => check_path!(path, unsafe { libc::chdir(path.c.as_ptr()) }),
    };
    Ok(Value::NONE)
}
