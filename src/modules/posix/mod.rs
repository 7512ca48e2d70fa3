//! `posix`: the operating system interface `os.py` is built on (as CPython's
//! `Modules/posixmodule.c`). Paths are str (encoded as UTF-8, the file system encoding) or
//! bytes, or `os.PathLike`; failures raise the errno's OSError subclass naming the path, as
//! CPython does (`FileNotFoundError: [Errno 2] No such file or directory: 'x'`).
//!
//! [`path`] converts arguments and builds errors, [`stat`] has `stat_result` and the other
//! struct sequences, [`dir`] reads directories (`listdir`, `scandir`), [`fs`] holds the file
//! and descriptor operations; process and environment functions are here.

pub mod dir;
pub mod fs;
pub mod path;
pub mod stat;

use std::ffi::CStr;

use crate::abi::Value;
use crate::builtins::args::{exactly_one, no_args, ArgParser};
use crate::objects::bytes::new_bytes;
use crate::objects::dict::{new_dict, Dict};
use crate::objects::exception::{err, TYPE_ERROR, VALUE_ERROR};
use crate::objects::module::{new_module, Module};
use crate::objects::str::{from_string, new_str};
use crate::objects::structseq::new_structseq;
use crate::objects::tuple::new_tuple;
use crate::objects::PyResult;

use path::{fd_value, int_arg, path_bytes, posix_error};

/// `fspath(path)`: str or bytes as they are, else `path.__fspath__()`.
fn p_fspath(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("fspath", args, kw);
    let path = p.required("path")?;
    p.finish()?;
    match crate::modules::io::fspath(&path)? {
        Some(v) => Ok(v),
        None => err(
            &TYPE_ERROR,
            format!(
                "expected str, bytes or os.PathLike object, not {}",
                path.type_name()
            ),
        ),
    }
}

/// `strerror(code)`.
fn p_strerror(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let code = int_arg(exactly_one("strerror", args)?)? as i32;
    // SAFETY: strerror returns a valid C string for any value.
    let s = unsafe { CStr::from_ptr(libc::strerror(code)) };
    Ok(from_string(s.to_string_lossy().into_owned()))
}

/// `urandom(size)`: bytes from the kernel's random source.
fn p_urandom(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = int_arg(exactly_one("urandom", args)?)?;
    if n < 0 {
        return err(&VALUE_ERROR, "negative argument not allowed");
    }
    Ok(new_bytes(&urandom(n as usize)?))
}

/// `n` random bytes from `getrandom(2)`.
pub fn urandom(n: usize) -> PyResult<Vec<u8>> {
    let mut buf: Vec<u8> = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return err(&crate::objects::exception::MEMORY_ERROR, "");
    }
    buf.resize(n, 0);
    let mut got = 0;
    while got < n {
        // SAFETY: the destination has `n - got` bytes of room.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr().cast(), n - got, 0) };
        if r < 0 {
            if path::errno() == libc::EINTR {
                crate::vm::signals::handle()?;
                continue;
            }
            return Err(posix_error());
        }
        got += r as usize;
    }
    Ok(buf)
}

// ---------------------------------------------------------------------------------------------
// Environment.

/// `posix.environ`: the environment at start-up, as a dict of bytes to bytes.
fn environ_dict() -> Value {
    use std::os::unix::ffi::OsStrExt;
    let d = new_dict();
    let dd = d.downcast_ref::<Dict>().unwrap();
    for (k, v) in std::env::vars_os() {
        let _ = dd.set_item(new_bytes(k.as_bytes()), new_bytes(v.as_bytes()));
    }
    d
}

/// An environment variable name or value (str or bytes) as a C string.
fn env_arg(v: &Value) -> PyResult<std::ffi::CString> {
    let p = match crate::modules::io::fspath(v)? {
        Some(p) => p,
        None => {
            return err(
                &TYPE_ERROR,
                format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    v.type_name()
                ),
            )
        }
    };
    Ok(path_bytes(&p)?.expect("fspath gives str or bytes").0)
}

/// `putenv(name, value)`.
fn p_putenv(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [name, value] = args else {
        return err(
            &TYPE_ERROR,
            format!("putenv expected 2 arguments, got {}", args.len()),
        );
    };
    let name = env_arg(name)?;
    let value = env_arg(value)?;
    if name.as_bytes().contains(&b'=') {
        return err(&VALUE_ERROR, "illegal environment variable name");
    }
    // SAFETY: both strings are NUL-terminated; apython runs Python code on one thread.
    if unsafe { libc::setenv(name.as_ptr(), value.as_ptr(), 1) } != 0 {
        return Err(posix_error());
    }
    Ok(Value::NONE)
}

/// `unsetenv(name)`.
fn p_unsetenv(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = env_arg(exactly_one("unsetenv", args)?)?;
    // SAFETY: the name is NUL-terminated; apython runs Python code on one thread.
    if unsafe { libc::unsetenv(name.as_ptr()) } != 0 {
        return Err(posix_error());
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------------------------
// Process and system information.

/// A function of no arguments returning an id (`getpid`, `getuid`, ...).
macro_rules! id_fn {
    ($name:literal, $call:expr) => {
        (
            $name,
            (|_: &Value, args: &[Value], _kw: &[Value]| -> PyResult<Value> {
                no_args($name, args)?;
                // SAFETY: the id getters have no preconditions and cannot fail.
                Ok(Value::int(unsafe { $call } as i64))
            }) as crate::objects::MethodFn,
        )
    };
}

/// `uname()`.
fn p_uname(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("uname", args)?;
    // SAFETY: `utsname` is plain data.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid out-pointer.
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(posix_error());
    }
    let f = |a: &[libc::c_char]| {
        // SAFETY: uname fills NUL-terminated strings.
        let s = unsafe { CStr::from_ptr(a.as_ptr()) };
        from_string(s.to_string_lossy().into_owned())
    };
    Ok(new_structseq(
        &stat::UNAME_RESULT_TYPE,
        vec![
            f(&u.sysname),
            f(&u.nodename),
            f(&u.release),
            f(&u.version),
            f(&u.machine),
        ],
    ))
}

/// `cpu_count()`: online processors, or None.
fn p_cpu_count(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("cpu_count", args)?;
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::NONE } else { Value::int(n) })
}

/// `get_terminal_size(fd=1)`.
fn p_get_terminal_size(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = match args {
        [] => 1,
        [fd] => fd_value(fd)?,
        _ => {
            return err(
                &TYPE_ERROR,
                format!(
                    "get_terminal_size expected at most 1 argument, got {}",
                    args.len()
                ),
            )
        }
    };
    // SAFETY: `winsize` is plain data.
    let mut w: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ fills a winsize.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut w) } < 0 {
        return Err(posix_error());
    }
    Ok(new_structseq(
        &stat::TERMINAL_SIZE_TYPE,
        vec![Value::int(w.ws_col as i64), Value::int(w.ws_row as i64)],
    ))
}

/// `times()`: process times in seconds.
fn p_times(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("times", args)?;
    // SAFETY: `tms` is plain data.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: `t` is a valid out-pointer.
    let c = unsafe { libc::times(&mut t) };
    if c == !0 {
        return Err(posix_error());
    }
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    let s = |x: libc::clock_t| Value::float(x as f64 / hz);
    Ok(new_structseq(
        &stat::TIMES_RESULT_TYPE,
        vec![
            s(t.tms_utime),
            s(t.tms_stime),
            s(t.tms_cutime),
            s(t.tms_cstime),
            s(c),
        ],
    ))
}

/// `_exit(status)`: ends the process at once (no cleanup, no flushing).
fn p_exit(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("_exit", args, kw);
    let status = int_arg(&p.required("status")?)?;
    p.finish()?;
    // SAFETY: _exit never returns.
    unsafe { libc::_exit(status as i32) }
}

/// `device_encoding(fd)`: the terminal's encoding, or None when `fd` is not a terminal.
fn p_device_encoding(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("device_encoding", args, kw);
    let fd = fd_value(&p.required("fd")?)?;
    p.finish()?;
    // SAFETY: plain syscall on an integer.
    Ok(if unsafe { libc::isatty(fd) } == 1 {
        new_str("UTF-8")
    } else {
        Value::NONE
    })
}

/// `umask(mask)`: sets the mask, returns the old one.
fn p_umask(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = int_arg(exactly_one("umask", args)?)?;
    // SAFETY: umask cannot fail.
    Ok(Value::int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

/// `kill(pid, signal)`.
fn p_kill(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let [pid, sig] = args else {
        return err(
            &TYPE_ERROR,
            format!("kill expected 2 arguments, got {}", args.len()),
        );
    };
    let (pid, sig) = (int_arg(pid)?, int_arg(sig)?);
    // SAFETY: plain syscall on integers.
    if unsafe { libc::kill(pid as libc::pid_t, sig as i32) } < 0 {
        return Err(posix_error());
    }
    crate::vm::signals::handle()?;
    Ok(Value::NONE)
}

/// `system(command)`: runs a shell command, returns its wait status.
fn p_system(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("system", args, kw);
    let cmd = p.required("command")?;
    p.finish()?;
    let Some((c, _)) = path_bytes(&cmd)? else {
        return err(
            &TYPE_ERROR,
            format!(
                "system() argument 'command' must be str, not {}",
                cmd.type_name()
            ),
        );
    };
    // SAFETY: `c` is NUL-terminated.
    Ok(Value::int(unsafe { libc::system(c.as_ptr()) } as i64))
}

/// `getloadavg()`.
fn p_getloadavg(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("getloadavg", args)?;
    let mut l = [0f64; 3];
    // SAFETY: `l` has room for three values.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return err(
            &crate::objects::exception::OS_ERROR,
            "Load averages are unobtainable",
        );
    }
    Ok(new_tuple(l.iter().map(|&x| Value::float(x)).collect()))
}

/// `getlogin()`.
fn p_getlogin(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("getlogin", args)?;
    // SAFETY: getlogin returns NULL or a static string.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        return Err(posix_error());
    }
    // SAFETY: non-NULL: a NUL-terminated string.
    Ok(from_string(
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned(),
    ))
}

/// `getgroups()`.
fn p_getgroups(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("getgroups", args)?;
    // SAFETY: a zero-size query.
    let n = unsafe { libc::getgroups(0, std::ptr::null_mut()) };
    if n < 0 {
        return Err(posix_error());
    }
    let mut g = vec![0 as libc::gid_t; n as usize];
    // SAFETY: `g` has room for `n` ids.
    let n = unsafe { libc::getgroups(n, g.as_mut_ptr()) };
    if n < 0 {
        return Err(posix_error());
    }
    Ok(crate::objects::list::new_list(
        g[..n as usize]
            .iter()
            .map(|&x| Value::int(x as i64))
            .collect(),
    ))
}

/// `waitstatus_to_exitcode(status)`.
fn p_waitstatus_to_exitcode(_: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut p = ArgParser::new("waitstatus_to_exitcode", args, kw);
    let s = int_arg(&p.required("status")?)? as i32;
    p.finish()?;
    if libc::WIFEXITED(s) {
        return Ok(Value::int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::int(-(libc::WTERMSIG(s) as i64)));
    }
    err(&VALUE_ERROR, format!("invalid wait status: {}", s))
}

/// `abort()`: ends the process with SIGABRT.
fn p_abort(_: &Value, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    no_args("abort", args)?;
    // SAFETY: abort never returns.
    unsafe { libc::abort() }
}

/// The integer constants `os.py`, `stat`, `shutil` and scripts use.
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("SEEK_SET", libc::SEEK_SET as i64),
    ("SEEK_CUR", libc::SEEK_CUR as i64),
    ("SEEK_END", libc::SEEK_END as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("TMP_MAX", 238328),
    ("NGROUPS_MAX", 65536),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
];

/// What `os.supports_dir_fd` and friends are built from: the `*at` calls this module uses.
/// (`HAVE_FDOPENDIR` is absent: `listdir`/`scandir` take paths only, so `shutil.rmtree`
/// takes its path-based route.)
const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

/// Creates the `posix` module.
pub fn create() -> Value {
    stat::init_types();
    let m = new_module("posix");
    crate::modules::add_functions(
        &m,
        &[
            ("stat", stat::p_stat),
            ("lstat", stat::p_lstat),
            ("fstat", stat::p_fstat),
            ("statvfs", stat::p_statvfs),
            ("fstatvfs", stat::p_fstatvfs),
            ("listdir", dir::p_listdir),
            ("scandir", dir::p_scandir),
            ("open", fs::p_open),
            ("close", fs::p_close),
            ("closerange", fs::p_closerange),
            ("read", fs::p_read),
            ("write", fs::p_write),
            ("lseek", fs::p_lseek),
            ("isatty", fs::p_isatty),
            ("pipe", fs::p_pipe),
            ("dup", fs::p_dup),
            ("dup2", fs::p_dup2),
            ("fsync", fs::p_fsync),
            ("ftruncate", fs::p_ftruncate),
            ("truncate", fs::p_truncate),
            ("get_inheritable", fs::p_get_inheritable),
            ("set_inheritable", fs::p_set_inheritable),
            ("get_blocking", fs::p_get_blocking),
            ("set_blocking", fs::p_set_blocking),
            ("mkdir", fs::p_mkdir),
            ("rmdir", fs::p_rmdir),
            ("unlink", fs::p_unlink),
            ("remove", fs::p_remove),
            ("rename", fs::p_rename),
            ("replace", fs::p_replace),
            ("link", fs::p_link),
            ("symlink", fs::p_symlink),
            ("readlink", fs::p_readlink),
            ("access", fs::p_access),
            ("chmod", fs::p_chmod),
            ("chown", fs::p_chown),
            ("utime", fs::p_utime),
            ("getcwd", fs::p_getcwd),
            ("getcwdb", fs::p_getcwdb),
            ("chdir", fs::p_chdir),
            ("fspath", p_fspath),
            ("strerror", p_strerror),
            ("urandom", p_urandom),
            ("putenv", p_putenv),
            ("unsetenv", p_unsetenv),
            id_fn!("getpid", libc::getpid()),
            id_fn!("getppid", libc::getppid()),
            id_fn!("getuid", libc::getuid()),
            id_fn!("geteuid", libc::geteuid()),
            id_fn!("getgid", libc::getgid()),
            id_fn!("getegid", libc::getegid()),
            id_fn!("getpgrp", libc::getpgrp()),
            ("getgroups", p_getgroups),
            ("getlogin", p_getlogin),
            ("uname", p_uname),
            ("cpu_count", p_cpu_count),
            ("get_terminal_size", p_get_terminal_size),
            ("times", p_times),
            ("_exit", p_exit),
            ("abort", p_abort),
            ("device_encoding", p_device_encoding),
            ("umask", p_umask),
            ("kill", p_kill),
            ("system", p_system),
            ("getloadavg", p_getloadavg),
            ("waitstatus_to_exitcode", p_waitstatus_to_exitcode),
        ],
    );
    let md = m.downcast_ref::<Module>().unwrap();
    for (name, v) in CONSTANTS {
        md.set(name, Value::int(*v));
    }
    md.set("environ", environ_dict());
    md.set("error", crate::objects::exception::OS_ERROR.to_value());
    md.set("stat_result", stat::STAT_RESULT_TYPE.to_value());
    md.set("statvfs_result", stat::STATVFS_RESULT_TYPE.to_value());
    md.set("terminal_size", stat::TERMINAL_SIZE_TYPE.to_value());
    md.set("times_result", stat::TIMES_RESULT_TYPE.to_value());
    md.set("uname_result", stat::UNAME_RESULT_TYPE.to_value());
    md.set("DirEntry", dir::DIR_ENTRY_TYPE.to_value());
    md.set(
        "_have_functions",
        crate::objects::list::new_list(HAVE_FUNCTIONS.iter().map(|s| new_str(s)).collect()),
    );
    m
}
